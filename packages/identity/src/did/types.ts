import type { PublicJwk } from '@tabularium/core'

/** A verification method of a DID document, in the JsonWebKey2020 form EBSI uses. */
export interface VerificationMethod {
  id: string
  type: 'JsonWebKey2020'
  controller: string
  publicKeyJwk: PublicJwk
}

/** The verification relationships a key can hold (DID Core §5.3). */
export type VerificationRelationship =
  | 'authentication'
  | 'assertionMethod'
  | 'capabilityInvocation'
  | 'capabilityDelegation'

/** A DID document (W3C DID Core), restricted to what credentials need. */
export interface DidDocument {
  '@context': string[]
  id: string
  controller?: string | string[]
  verificationMethod: VerificationMethod[]
  authentication?: string[]
  assertionMethod?: string[]
  capabilityInvocation?: string[]
  capabilityDelegation?: string[]
  service?: { id: string; type: string; serviceEndpoint: string | Record<string, unknown> }[]
}

/**
 * Resolves DIDs that are registered on the ledger (organisations). Returns
 * `undefined` for an unknown or deactivated DID. `at` asks for the document
 * as it was at that time (key rotation history).
 */
export type DidRegistry = (
  did: string,
  options: { at?: Date },
) => DidDocument | undefined | Promise<DidDocument | undefined>

/** Resolves any DID the platform accepts; throws `IdentityError` when it cannot. */
export type DidResolver = (did: string) => Promise<DidDocument>
