import { Disclosure } from '@sd-jwt/utils'
import { IdentityError } from '../errors.js'
import { sdJwtHasher } from './bridge.js'

/**
 * Decodes base64url disclosures with `@sd-jwt/utils`, each with the digest of
 * its text as received (RFC 9901 §4.2.3); malformed ones are `DISCLOSURE_INVALID`.
 *
 * @example const disclosures = await decodeDisclosures(['WyJzYWx0IiwgImFnZV9vdmVyXzE2IiwgdHJ1ZV0'])
 */
export async function decodeDisclosures(encoded: readonly string[]): Promise<Disclosure[]> {
  try {
    return await Promise.all(
      encoded.map((text) => Disclosure.fromEncode(text, { alg: 'sha-256', hasher: sdJwtHasher })),
    )
  } catch (cause) {
    throw new IdentityError('DISCLOSURE_INVALID', 'a disclosure is not a base64url JSON array of 2 or 3 items', {
      cause,
    })
  }
}
