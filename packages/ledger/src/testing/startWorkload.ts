import Database from 'better-sqlite3'
import type { Ledger } from '../types.js'
import { createSigner, signTransaction, type TestSigner } from './fixtures.js'

/** A workload running against a test ledger until stopped. */
export interface Workload {
  /** Resolves once `count` more transactions were committed. */
  committed(count: number): Promise<void>
  /** Stops submitting; resolves with how many were committed (refusals are not counted). */
  stop(): Promise<number>
}

/**
 * Keeps a test ledger busy with small blocks that update, insert and delete
 * state and emit events: `registry.set` over a few keys, and `admin` (who
 * must hold the governance role `admin`) granting and revoking a role.
 *
 * @example const workload = startWorkload({ ledger: t.ledger, admin }); … await workload.stop()
 */
export function startWorkload({ ledger, admin }: { ledger: Ledger; admin: TestSigner }): Workload {
  const alice = createSigner()
  const bob = createSigner()
  let stopped = false
  let count = 0
  const waiters: { at: number; resolve(): void }[] = []
  const run = (async () => {
    for (let round = 0; !stopped; round++) {
      const txs = Array.from({ length: 3 }, (_, i) =>
        signTransaction({
          signer: alice,
          module: 'registry',
          action: 'set',
          args: { key: `k${(round * 3 + i) % 20}`, value: `v${round}` },
        }),
      )
      const action = round % 2 === 0 ? 'grant' : 'revoke'
      txs.push(
        signTransaction({ signer: admin, module: 'governance', action, args: { role: 'registrar', did: bob.did } }),
      )
      // Refusals are counted, not thrown: an altered file can make blocks fail.
      const results = await ledger.submit(txs)
      count += results.filter((result) => result.ok).length
      for (const waiter of waiters.filter((w) => w.at <= count)) {
        waiters.splice(waiters.indexOf(waiter), 1)
        waiter.resolve()
      }
    }
  })()
  return {
    committed: (more) => new Promise((resolve) => waiters.push({ at: count + more, resolve })),
    async stop() {
      stopped = true
      await run
      return count
    },
  }
}

/**
 * Changes a ledger file through a second connection, as someone behind the
 * node's back would; waits for the node's block commits to let it in.
 *
 * @example alterFile(t.path, "UPDATE state SET value = '1' WHERE key = ?", 'item/k1')
 */
export function alterFile(path: string, sql: string, ...params: unknown[]): number {
  const db = new Database(path, { timeout: 10_000 })
  try {
    return db.prepare(sql).run(...params).changes
  } finally {
    db.close()
  }
}
