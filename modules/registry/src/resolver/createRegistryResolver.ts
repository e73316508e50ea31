import type { DidDocument, DidRegistry } from '@tabularium/identity'
import { DID_PREFIX } from '../keys.js'
import { type RegistryReader, tryQuery } from './registryReader.js'

/**
 * The `DidRegistry` of `@tabularium/identity` over the registry module:
 * `did:tab` documents as they are now, or as they were `at` a time;
 * undefined for unknown and deactivated DIDs.
 *
 * @example
 * const resolveDid = createDidResolver({ registry: createRegistryResolver(ledger) })
 * await resolveDid('did:tab:zug')
 */
export function createRegistryResolver(ledger: RegistryReader): DidRegistry {
  return (did, { at } = {}) => {
    if (!did.startsWith(DID_PREFIX)) return undefined
    const params: Record<string, string> = at === undefined ? { did } : { did, at: at.toISOString() }
    const result = tryQuery<{ document: DidDocument | null }>(ledger, 'resolve', params)
    return result?.document ?? undefined
  }
}
