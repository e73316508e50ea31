import { fromBase64Url, fromUtf8 } from '@tabularium/core'
import { IdentityError } from '../errors.js'

/** A decoded, not yet verified, compact JWS with JSON header and payload. */
export interface DecodedJwt {
  header: Record<string, unknown>
  payload: Record<string, unknown>
}

/** Upper bound on a credential or presentation, against memory exhaustion. */
export const MAX_JWT_LENGTH = 256 * 1024

/**
 * Decodes a compact JWS whose header and payload are JSON objects, without
 * verifying it. Anything else is `CREDENTIAL_MALFORMED`.
 *
 * @example const { header, payload } = decodeJwt(jwt)
 */
export function decodeJwt(jwt: unknown): DecodedJwt {
  if (typeof jwt !== 'string' || jwt.length > MAX_JWT_LENGTH) {
    throw new IdentityError('CREDENTIAL_MALFORMED', 'expected a compact JWS string')
  }
  const parts = jwt.split('.')
  if (parts.length !== 3) throw new IdentityError('CREDENTIAL_MALFORMED', 'a compact JWS has three parts')
  return { header: parseObject(parts[0] as string, 'header'), payload: parseObject(parts[1] as string, 'payload') }
}

function parseObject(part: string, name: string): Record<string, unknown> {
  let value: unknown
  try {
    value = JSON.parse(fromUtf8(fromBase64Url(part)))
  } catch (cause) {
    throw new IdentityError('CREDENTIAL_MALFORMED', `JWS ${name} is not base64url JSON`, { cause })
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new IdentityError('CREDENTIAL_MALFORMED', `JWS ${name} is not a JSON object`)
  }
  return value as Record<string, unknown>
}
