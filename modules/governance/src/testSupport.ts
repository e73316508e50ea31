import { didKeyFromJwk } from '@tabularium/core'
import { generateKeyPair } from '@tabularium/core/node'
import type { MemoryLedger, RunResult } from './testing/createMemoryLedger.js'

// Helpers shared by this package's tests (not exported from the package).

/** A fresh did:key that no genesis knows. */
export function newDid(): string {
  return didKeyFromJwk(generateKeyPair().publicJwk)
}

/** Shorthands for governance transactions on a memory ledger. */
export function governanceOf(ledger: MemoryLedger) {
  const run =
    (action: string) =>
    (signer: string, args: unknown): RunResult =>
      ledger.run({ module: 'governance', action, signer, args })
  return { propose: run('propose'), approve: run('approve'), reject: run('reject') }
}

/** The result's code, or 'ok'. */
export function codeOf(result: RunResult): string {
  return result.ok ? 'ok' : result.code
}

/** The id of the proposal an accepted `propose` created. */
export function proposalOf(result: RunResult): string {
  if (!result.ok) throw new Error(`propose was refused: ${result.code} ${result.message}`)
  return result.txid.slice(0, 16)
}

/** A member to admit, with valid-looking keys. */
export function newMember(id: string, did = newDid()) {
  return {
    id,
    name: `Member ${id}`,
    did,
    logKey: `tabularium.local/sandbox+01234567+AQ${'A'.repeat(42)}`,
    witnessKey: `tabularium.local/sandbox/witness/${id}+89abcdef+BA${'A'.repeat(42)}`,
  }
}
