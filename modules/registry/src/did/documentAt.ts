import type { StateReader } from '@tabularium/ledger'
import { keys, LIMITS } from '../keys.js'
import type { DidRecord, DidVersion } from '../types.js'

/**
 * The version of a DID's document in force at `at` (RFC 3339, UTC ms), or
 * now when omitted: the latest version whose entry time is ≤ `at`. Undefined
 * when the DID was not registered yet; `deactivated` says whether it was
 * deactivated by then.
 *
 * @example documentAt(state, 'did:tab:zug', '2026-03-01T00:00:00.000Z')?.document.verificationMethod
 */
export function documentAt(state: StateReader, did: string, at?: string): DidVersion | undefined {
  const record = state.get<DidRecord>(keys.did(did))
  if (record === undefined) return undefined
  if (at === undefined || at >= record.updated) {
    return {
      version: record.version,
      validFrom: record.updated,
      txid: '',
      deactivated: record.deactivated !== null,
      document: record.document,
    }
  }
  const versions = state.list<DidVersion>(keys.versions(did), { limit: LIMITS.versions })
  // Times are normalised ISO strings, so they compare as text.
  return versions.filter(({ value }) => value.validFrom <= at).at(-1)?.value
}

/** True when the DID is registered and not deactivated at `at`. @example isActiveAt(state, did, now) */
export function isActiveAt(state: StateReader, did: string, at?: string): boolean {
  const version = documentAt(state, did, at)
  return version !== undefined && !version.deactivated
}
