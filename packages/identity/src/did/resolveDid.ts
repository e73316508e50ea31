import { isBaseError } from '@tabularium/core'
import { IdentityError } from '../errors.js'
import { didKeyDocument } from './didKeyDocument.js'
import type { DidDocument, DidRegistry, DidResolver } from './types.js'

/** Options of `resolveDid`. */
export interface ResolveDidOptions {
  /** Resolver for ledger-registered DIDs (the registry module supplies it). */
  registry?: DidRegistry
  /** Resolve the document as it was at this time (registered DIDs only). */
  at?: Date
}

const MAX_DID_LENGTH = 2048

/**
 * Resolves a DID to its document: `did:key` (Ed25519, EBSI P-256) locally,
 * any other method through the ledger's registry. Throws `INVALID_DID` for a
 * malformed DID and `DID_NOT_FOUND` when no document exists.
 *
 * @example
 * const doc = await resolveDid('did:key:z2dmzD81…')
 * const org = await resolveDid('did:tab:city-of-zug', { registry })
 */
export async function resolveDid(did: string, { registry, at }: ResolveDidOptions = {}): Promise<DidDocument> {
  if (typeof did !== 'string' || did.length > MAX_DID_LENGTH || !/^did:[a-z0-9]+:[^#?/\s]+$/.test(did)) {
    throw new IdentityError('INVALID_DID', 'not a DID (did:<method>:<id>, without fragment or path)')
  }
  if (did.startsWith('did:key:')) return keyDocument(did)
  const document = registry === undefined ? undefined : await registry(did, at === undefined ? {} : { at })
  if (document === undefined) throw new IdentityError('DID_NOT_FOUND', 'DID is not registered', { details: { did } })
  if (document.id !== did) {
    throw new IdentityError('DID_NOT_FOUND', 'registry answered with the document of another DID', { details: { did } })
  }
  return document
}

function keyDocument(did: string): DidDocument {
  try {
    return didKeyDocument(did)
  } catch (cause) {
    if (isBaseError(cause)) throw new IdentityError('INVALID_DID', cause.message, { cause })
    throw cause
  }
}

/**
 * A `DidResolver` bound to a registry, to hand to `verifyCredential`.
 *
 * @example verifyCredential({ …, resolveDid: createDidResolver({ registry }) })
 */
export function createDidResolver(options: ResolveDidOptions = {}): DidResolver {
  return (did) => resolveDid(did, options)
}
