/** W3C VC Data Model 1.1 context, as EBSI's profile requires. */
export const VC_CONTEXT_V1 = 'https://www.w3.org/2018/credentials/v1'

/** Base types every EBSI credential carries before its own type. */
export const BASE_CREDENTIAL_TYPES = ['VerifiableCredential', 'VerifiableAttestation'] as const

/** `credentialSchema` of a credential (EBSI: `FullJsonSchemaValidator2021` or `JsonSchema`). */
export interface CredentialSchema {
  id: string
  type: string
}

/** `termsOfUse`: in EBSI, a pointer to the issuer's accreditation in the trusted-issuers registry. */
export interface TermsOfUse {
  id: string
  type: string
}

/** A `credentialStatus` entry: StatusList2021Entry or BitstringStatusListEntry. */
export interface CredentialStatus {
  id: string
  type: 'StatusList2021Entry' | 'BitstringStatusListEntry'
  statusPurpose: 'revocation' | 'suspension'
  /** A decimal string, as both specifications write it. */
  statusListIndex: string
  statusListCredential: string
}

/** The `vc` claim of a JWT VC: a W3C VC (data model 1.1) in the EBSI attestation shape. */
export interface VerifiableCredential {
  '@context': string[]
  id: string
  type: string[]
  issuer: string
  issuanceDate: string
  issued: string
  validFrom: string
  validUntil?: string
  expirationDate?: string
  credentialSubject: { id?: string } & Record<string, unknown>
  credentialSchema: CredentialSchema | CredentialSchema[]
  credentialStatus?: CredentialStatus | CredentialStatus[]
  termsOfUse?: TermsOfUse | TermsOfUse[]
}

/** The payload of a JWT VC (W3C VC-JWT encoding, EBSI JWT VC profile). */
export interface JwtVcPayload {
  iss: string
  sub?: string
  jti: string
  iat: number
  nbf: number
  exp?: number
  vc: VerifiableCredential
}
