import type { Algorithm, PublicJwk } from '@tabularium/core'
import type { DidResolver } from '../did/types.js'
import type { FetchStatusList } from '../status/checkCredentialStatus.js'

/** Validates a credential against one schema; returns the problems found (none: valid). */
export type SchemaValidator = (value: unknown) => readonly string[]

/** Known credential schemas by id (JWT VC `credentialSchema.id`, SD-JWT VC `vct`). */
export type SchemaRegistry = ReadonlyMap<string, SchemaValidator> | Readonly<Record<string, SchemaValidator>>

/** Asks the trusted-issuers registry whether `issuer` may issue credentials of `type`. */
export type IsAccredited = (p: { issuer: string; type: string; termsOfUse: unknown }) => boolean | Promise<boolean>

/** What an SD-JWT presentation's key-binding JWT must say. */
export interface KeyBindingExpectation {
  audience: string
  nonce: string
  /** How old the KB-JWT's `iat` may be, in seconds (default 300). */
  maxAge?: number
}

/** Parameters of `verifyCredential`. */
export interface VerifyCredentialParameters {
  /** A JWT VC, or an SD-JWT VC (issued or presented). Untrusted. */
  credential: string
  now: Date
  resolveDid: DidResolver
  isAccredited: IsAccredited
  schemas: SchemaRegistry
  fetchStatusList: FetchStatusList
  algorithms?: readonly Algorithm[]
  /** Leeway for clock skew on validity checks, in seconds (default 0). */
  clockTolerance?: number
  /** SD-JWT VC presentations: require a key-binding JWT with this audience and nonce. */
  keyBinding?: KeyBindingExpectation
}

/** A credential that passed every check. */
export interface VerifiedCredential {
  ok: true
  format: 'jwt_vc' | 'sd_jwt_vc'
  id: string | undefined
  issuer: string
  subject: string | undefined
  /** JWT VC: `vc.type`; SD-JWT VC: `[vct]`. */
  types: string[]
  /** The subject's claims (SD-JWT: only the disclosed ones). */
  claims: Record<string, unknown>
  validFrom: Date
  validUntil: Date | undefined
  /** SD-JWT VC: the holder key of `cnf.jwk`. */
  holderJwk: PublicJwk | undefined
}
