import { IdentityError } from '../errors.js'
import { MAX_JWT_LENGTH } from '../jwt/decodeJwt.js'
import type { VerifiedCredential, VerifyCredentialParameters } from './types.js'
import { verifyJwtVc } from './verifyJwtVc.js'
import { verifySdJwtVc } from './verifySdJwtVc.js'

/**
 * The one verification pipeline for JWT VCs (EBSI profile) and SD-JWT VCs.
 * In order: format, signature (the issuer's `assertionMethod` key resolved
 * from its DID), disclosures and key binding (SD-JWT), validity window,
 * issuer accreditation for the credential type, schema, and status. The
 * input is hostile: nothing is fetched or looked up before the signature
 * holds. Each failure throws `IdentityError` with its own code.
 *
 * @example
 * const result = await verifyCredential({ credential, now: new Date(), resolveDid: createDidResolver({ registry }),
 *   isAccredited, schemas: { [schemaUrl]: validateResidency }, fetchStatusList })
 * result.claims // { residentOf: 'Zug' }
 */
export async function verifyCredential(p: VerifyCredentialParameters): Promise<VerifiedCredential> {
  if (typeof p.credential !== 'string' || p.credential.length === 0 || p.credential.length > MAX_JWT_LENGTH) {
    throw new IdentityError('CREDENTIAL_MALFORMED', 'credential must be a JWT or SD-JWT string of sane length')
  }
  return p.credential.includes('~') ? verifySdJwtVc(p) : verifyJwtVc(p)
}
