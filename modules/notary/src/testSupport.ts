import { didKeyFromJwk, sha256, toHex } from '@tabularium/core'
import { generateKeyPair } from '@tabularium/core/node'
import { createTestNetwork } from '@tabularium/module-governance/testing'
import type { Genesis } from '@tabularium/protocol'
import { notary } from './notary.js'

// Helpers shared by this package's tests (not exported from the package).

/** A fresh did:key that no genesis knows. */
export function newDid(): string {
  return didKeyFromJwk(generateKeyPair().publicJwk)
}

/** The SHA-256 of a text, as notary hashes are written. */
export function hashOf(text: string): string {
  return toHex(sha256(text))
}

/**
 * Three members (Leuven, Gent, Brugge; threshold 1 so that governance changes
 * pass at once) with the notary installed, and shorthands for its actions.
 */
export function notaryNetwork(genesis: Partial<Genesis> = {}) {
  const { ledger, members } = createTestNetwork({ threshold: 1, modules: [notary], genesis })
  const [leuven, gent, brugge] = members.map((m) => m.did) as [string, string, string]
  const run = (action: string) => (signer: string, args: unknown, time?: string) =>
    ledger.run({ module: 'notary', action, signer, args, ...(time === undefined ? {} : { time }) })
  const grant = (did: string) =>
    ledger.run({
      module: 'governance',
      action: 'propose',
      signer: leuven,
      args: { kind: 'grantRole', role: 'notary:stamper', did },
    })
  const query = (name: string, params: Record<string, unknown> = {}) => ledger.query('notary', name, params) as any
  return { ledger, leuven, gent, brugge, stamp: run('stamp'), revoke: run('revoke'), grant, query }
}
