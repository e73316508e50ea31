import { IdentityError } from '../errors.js'
import { verifyJwt } from '../jwt/verifyJwt.js'
import { checkCredentialStatus } from '../status/checkCredentialStatus.js'
import { parseJwtVcPayload } from '../vc/parseJwtVcPayload.js'
import { BASE_CREDENTIAL_TYPES } from '../vc/types.js'
import { checkAccreditation, checkSchemas, checkValidity } from './checks.js'
import type { VerifiedCredential, VerifyCredentialParameters } from './types.js'

/**
 * The JWT VC branch of `verifyCredential`: signature (issuer's
 * `assertionMethod` key), validity, accreditation, schema, status.
 */
export async function verifyJwtVc(p: VerifyCredentialParameters): Promise<VerifiedCredential> {
  const { payload } = await verifyJwt({
    jwt: p.credential,
    purpose: 'assertionMethod',
    resolveDid: p.resolveDid,
    types: ['JWT', 'vc+jwt'],
    signerOf: ({ payload }) => issuerOf(payload),
    ...(p.algorithms === undefined ? {} : { algorithms: p.algorithms }),
  })
  const { iss, sub, jti, nbf, exp, vc } = parseJwtVcPayload(payload)
  checkValidity({ nbf, exp, now: p.now, clockTolerance: p.clockTolerance ?? 0 })
  const specific = vc.type.filter((t) => !(BASE_CREDENTIAL_TYPES as readonly string[]).includes(t))
  await checkAccreditation({ issuer: iss, types: specific, termsOfUse: vc.termsOfUse, isAccredited: p.isAccredited })
  const schemaIds = (Array.isArray(vc.credentialSchema) ? vc.credentialSchema : [vc.credentialSchema]).map((s) => s.id)
  checkSchemas({ ids: schemaIds, value: vc, schemas: p.schemas })
  const entries = vc.credentialStatus === undefined ? [] : [vc.credentialStatus].flat()
  for (const entry of entries) {
    await checkCredentialStatus({
      entry,
      issuer: iss,
      fetchStatusList: p.fetchStatusList,
      resolveDid: p.resolveDid,
      now: p.now,
      ...(p.algorithms === undefined ? {} : { algorithms: p.algorithms }),
    })
  }
  const { id: _id, ...claims } = vc.credentialSubject
  return {
    ok: true,
    format: 'jwt_vc',
    id: jti,
    issuer: iss,
    subject: sub,
    types: vc.type,
    claims,
    validFrom: new Date(nbf * 1000),
    validUntil: exp === undefined ? undefined : new Date(exp * 1000),
    holderJwk: undefined,
  }
}

function issuerOf(payload: Record<string, unknown>): string {
  if (typeof payload.iss !== 'string') throw new IdentityError('CREDENTIAL_MALFORMED', 'JWT VC has no iss')
  return payload.iss
}
