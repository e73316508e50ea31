import { IdentityError } from '../errors.js'
import { verifyJwt } from '../jwt/verifyJwt.js'
import { decodeDisclosures } from '../sdjwt/decodeDisclosures.js'
import { revealClaims } from '../sdjwt/revealClaims.js'
import { verifyKeyBinding } from '../sdjwt/verifyKeyBinding.js'
import { checkAccreditation, checkSchemas, checkValidity } from './checks.js'
import type { VerifiedCredential, VerifyCredentialParameters } from './types.js'

const SD_JWT_VC_TYPES = ['dc+sd-jwt', 'vc+sd-jwt']
const REGISTERED = ['iss', 'vct', 'iat', 'nbf', 'exp', 'cnf', 'sub', 'status', 'jti']

/**
 * The SD-JWT VC branch of `verifyCredential`: issuer signature, disclosures,
 * key binding (when `keyBinding` is given), validity, accreditation for
 * `vct`, and the schema registered for `vct` over the disclosed claims.
 */
export async function verifySdJwtVc(p: VerifyCredentialParameters): Promise<VerifiedCredential> {
  const parts = p.credential.split('~')
  const [jwt = '', ...rest] = parts
  const kbJwt = rest.pop() ?? ''
  const { payload } = await verifyJwt({
    jwt,
    purpose: 'assertionMethod',
    resolveDid: p.resolveDid,
    types: SD_JWT_VC_TYPES,
    signerOf: ({ payload }) => stringClaim(payload, 'iss'),
    ...(p.algorithms === undefined ? {} : { algorithms: p.algorithms }),
  })
  const vct = stringClaim(payload, 'vct')
  if (payload._sd_alg !== undefined && payload._sd_alg !== 'sha-256')
    throw new IdentityError('DISCLOSURE_INVALID', '_sd_alg must be sha-256')
  if (payload.status !== undefined)
    throw new IdentityError('STATUS_UNAVAILABLE', 'SD-JWT VC status (token status list) is not supported yet')
  const claims = revealClaims({ payload, disclosures: await decodeDisclosures(rest) })
  const holderJwk =
    p.keyBinding === undefined
      ? undefined
      : await verifyKeyBinding({
          presented: `${parts.slice(0, -1).join('~')}~`,
          kbJwt,
          cnf: payload.cnf,
          expected: p.keyBinding,
          now: p.now,
          clockTolerance: p.clockTolerance ?? 0,
          ...(p.algorithms === undefined ? {} : { algorithms: p.algorithms }),
        })
  const nbf = numberClaim(payload, 'nbf') ?? numberClaim(payload, 'iat') ?? 0
  const exp = numberClaim(payload, 'exp')
  checkValidity({ nbf, exp, now: p.now, clockTolerance: p.clockTolerance ?? 0 })
  const issuer = stringClaim(payload, 'iss')
  await checkAccreditation({ issuer, types: [vct], termsOfUse: undefined, isAccredited: p.isAccredited })
  checkSchemas({ ids: [vct], value: claims, schemas: p.schemas })
  const subjectClaims = Object.fromEntries(Object.entries(claims).filter(([k]) => !REGISTERED.includes(k)))
  return {
    ok: true,
    format: 'sd_jwt_vc',
    id: typeof payload.jti === 'string' ? payload.jti : undefined,
    issuer,
    subject: typeof payload.sub === 'string' ? payload.sub : undefined,
    types: [vct],
    claims: subjectClaims,
    validFrom: new Date(nbf * 1000),
    validUntil: exp === undefined ? undefined : new Date(exp * 1000),
    holderJwk,
  }
}

function stringClaim(payload: Record<string, unknown>, name: string): string {
  const value = payload[name]
  if (typeof value !== 'string' || value.length === 0)
    throw new IdentityError('CREDENTIAL_MALFORMED', `SD-JWT VC needs ${name}`)
  return value
}

function numberClaim(payload: Record<string, unknown>, name: string): number | undefined {
  const value = payload[name]
  if (value === undefined) return undefined
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new IdentityError('CREDENTIAL_MALFORMED', `${name} must be a NumericDate`)
  return value
}
