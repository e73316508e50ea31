/** A credential the node's OpenID4VCI issuer offers. */
export interface CredentialConfiguration {
  /** Key of `credential_configurations_supported`. */
  id: string
  format: 'jwt_vc_json' | 'vc+sd-jwt'
  /** JWT VC: the specific type (after VerifiableCredential, VerifiableAttestation); SD-JWT VC: the `vct`. */
  type: string
  /** The registered schema id (`credentialSchema.id`; SD-JWT VC: the `vct`). */
  schema: string
  /** SD-JWT VC: the claims the holder may disclose one by one. */
  disclosable?: readonly string[]
  /** JWT VC: the issuer's revocation list (a registry status list name), if any. */
  statusList?: string
  /** Validity in days (default 365). */
  validityDays?: number
  display: { name: string; locale: string }
}

/** The residency credential's type, schema ids and `vct`. */
export const RESIDENCY = {
  type: 'ResidencyCredential',
  schema: 'https://schemas.tabularium.org/residency/v1.json',
  vct: 'https://schemas.tabularium.org/residency/v1',
} as const

/**
 * JSON Schema of the residency JWT VC (over the whole `vc` object, as EBSI's
 * schemas are) — register it in the registry under `RESIDENCY.schema`.
 */
export const RESIDENCY_JWT_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'Residency credential',
  type: 'object',
  required: ['credentialSubject'],
  properties: {
    credentialSubject: {
      type: 'object',
      required: ['id', 'resident_of'],
      properties: {
        id: { type: 'string' },
        resident_of: { type: 'string', minLength: 1 },
        given_name: { type: 'string' },
        family_name: { type: 'string' },
        birthdate: { type: 'string' },
        age_over_16: { type: 'boolean' },
        age_over_18: { type: 'boolean' },
      },
    },
  },
}

/** JSON Schema of the residency SD-JWT VC's disclosed claims — register it under `RESIDENCY.vct`. */
export const RESIDENCY_SD_JWT_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'Residency credential (SD-JWT VC, disclosed claims)',
  type: 'object',
  properties: RESIDENCY_JWT_SCHEMA.properties.credentialSubject.properties,
}

/** The credentials a node offers by default: residency, as a JWT VC and as an SD-JWT VC. */
export const DEFAULT_CREDENTIALS: readonly CredentialConfiguration[] = [
  {
    id: 'ResidencyCredential_jwt_vc_json',
    format: 'jwt_vc_json',
    type: RESIDENCY.type,
    schema: RESIDENCY.schema,
    statusList: 'revocation-1',
    display: { name: 'Residency certificate', locale: 'en' },
  },
  {
    id: 'ResidencyCredential_sd_jwt',
    format: 'vc+sd-jwt',
    type: RESIDENCY.vct,
    schema: RESIDENCY.vct,
    disclosable: ['resident_of', 'given_name', 'family_name', 'birthdate', 'age_over_16', 'age_over_18'],
    display: { name: 'Residency certificate (selective disclosure)', locale: 'en' },
  },
]
