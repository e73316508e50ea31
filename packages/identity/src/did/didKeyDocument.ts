import { jwkFromDidKey } from '@tabularium/core'
import type { DidDocument } from './types.js'

const DID_CONTEXT = ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/suites/jws-2020/v1']

/**
 * The key id (DID URL) of a `did:key`'s only key: `did:key:z…#z…`, as EBSI's
 * key-did-resolver names it.
 *
 * @example didKeyKid('did:key:z6Mk…') // 'did:key:z6Mk…#z6Mk…'
 */
export function didKeyKid(did: string): string {
  return `${did}#${did.slice('did:key:'.length)}`
}

/**
 * The DID document of a `did:key` (Ed25519 or EBSI P-256 `jwk_jcs-pub`): one
 * JsonWebKey2020 method that holds every verification relationship.
 * Throws core's `INVALID_DID` for anything that is not a supported did:key.
 *
 * @example didKeyDocument('did:key:z2dmzD81…').verificationMethod[0].publicKeyJwk
 */
export function didKeyDocument(did: string): DidDocument {
  const publicKeyJwk = jwkFromDidKey(did)
  const id = didKeyKid(did)
  return {
    '@context': [...DID_CONTEXT],
    id: did,
    verificationMethod: [{ id, type: 'JsonWebKey2020', controller: did, publicKeyJwk }],
    authentication: [id],
    assertionMethod: [id],
    capabilityInvocation: [id],
    capabilityDelegation: [id],
  }
}
