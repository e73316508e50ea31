import type { Algorithm } from '@tabularium/core'
import { algorithmOf, jwkFromDidKey } from '@tabularium/core'
import { IdentityError } from '../errors.js'
import type { Signer } from '../jwt/signer.js'
import { signJwt } from '../jwt/signJwt.js'
import { toDateTime, toNumericDate } from './dates.js'
import {
  BASE_CREDENTIAL_TYPES,
  type CredentialSchema,
  type CredentialStatus,
  type JwtVcPayload,
  type TermsOfUse,
  VC_CONTEXT_V1,
  type VerifiableCredential,
} from './types.js'

/** Parameters of `issueJwtVc`. */
export interface IssueJwtVcParameters {
  /** The issuer's DID. */
  issuer: string
  /** The subject's DID (the holder), or omitted for credentials about no one (status lists). */
  subject?: string
  /** Specific types, after `VerifiableCredential`, `VerifiableAttestation`. */
  types: readonly string[]
  /** Claims about the subject (`credentialSubject` without `id`). */
  claims: Record<string, unknown>
  credentialSchema: CredentialSchema | CredentialSchema[]
  credentialStatus?: CredentialStatus | CredentialStatus[]
  /** EBSI: the issuer's accreditation in the trusted-issuers registry. */
  termsOfUse?: TermsOfUse | TermsOfUse[]
  validFrom: Date
  validUntil?: Date
  sign: Signer
  /** DID URL of the signing key; must belong to `issuer`. */
  kid: string
  /** Defaults to the algorithm of `kid` when it is a did:key. */
  alg?: Algorithm
  now: Date
  /** Credential id (`jti`); defaults to a random `urn:uuid:`. */
  id?: string
}

/**
 * Issues a W3C VC as a JWT in the EBSI profile: `iss`=issuer, `sub`=subject,
 * `jti`=id, `nbf`=validFrom, `iat`=issued, `exp`=validUntil (also written as
 * `expirationDate`), and the credential in `vc`; header `typ: JWT` and `kid`.
 *
 * @example
 * const jwt = await issueJwtVc({ issuer, subject, types: ['ResidencyCredential'], claims: { residentOf: 'Zug' },
 *   credentialSchema: { id: schemaUrl, type: 'FullJsonSchemaValidator2021' }, validFrom: now, sign, kid, now })
 */
export async function issueJwtVc(p: IssueJwtVcParameters): Promise<string> {
  if (!p.kid.startsWith(`${p.issuer}#`)) throw new IdentityError('INVALID_DID', 'kid must be a DID URL of the issuer')
  const vc = buildCredential(p)
  const payload: JwtVcPayload = {
    iss: p.issuer,
    ...(p.subject === undefined ? {} : { sub: p.subject }),
    jti: vc.id,
    iat: toNumericDate(p.now),
    nbf: toNumericDate(p.validFrom),
    ...(p.validUntil === undefined ? {} : { exp: toNumericDate(p.validUntil) }),
    vc,
  }
  const alg = p.alg ?? algorithmOfKid(p.kid)
  return signJwt({ header: { typ: 'JWT', kid: p.kid }, payload: { ...payload }, alg, sign: p.sign })
}

function buildCredential(p: IssueJwtVcParameters): VerifiableCredential {
  const validFrom = toDateTime(p.validFrom)
  const validUntil = p.validUntil === undefined ? undefined : toDateTime(p.validUntil)
  return {
    '@context': [VC_CONTEXT_V1],
    id: p.id ?? `urn:uuid:${crypto.randomUUID()}`,
    type: [...BASE_CREDENTIAL_TYPES, ...p.types],
    issuer: p.issuer,
    // EBSI_VC_003: issuanceDate equals validFrom; `issued` is the signing time.
    issuanceDate: validFrom,
    issued: toDateTime(p.now),
    validFrom,
    ...(validUntil === undefined ? {} : { validUntil, expirationDate: validUntil }),
    credentialSubject: p.subject === undefined ? { ...p.claims } : { id: p.subject, ...p.claims },
    credentialSchema: p.credentialSchema,
    ...(p.credentialStatus === undefined ? {} : { credentialStatus: p.credentialStatus }),
    ...(p.termsOfUse === undefined ? {} : { termsOfUse: p.termsOfUse }),
  }
}

/** The algorithm of a did:key kid; other DIDs must say `alg`. */
export function algorithmOfKid(kid: string): Algorithm {
  if (!kid.startsWith('did:key:'))
    throw new IdentityError('UNSUPPORTED_ALGORITHM', 'alg is required for a non did:key kid')
  try {
    return algorithmOf(jwkFromDidKey(kid.split('#')[0] as string))
  } catch (cause) {
    throw new IdentityError('INVALID_DID', 'kid is not a valid did:key URL', { cause })
  }
}
