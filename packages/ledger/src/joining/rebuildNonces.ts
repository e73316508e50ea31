import type { Database } from 'better-sqlite3'
import { createBatchInsert } from '../store/createBatchInsert.js'

const PAGE = 4096

/**
 * Rebuilds the replay-protection table from the log itself: every
 * (signer, nonce) of an entry whose `expires` is after the head's time. The
 * stored table is node-specific (each node prunes expired pairs on its own
 * clock) and no audit covers it, so a snapshot's copy is never trusted: a
 * missing pair would let a replay through on this node only.
 *
 * @example rebuildNonces(db) // inside the install transaction
 */
export function rebuildNonces(db: Database): number {
  const headTime = db.prepare('SELECT time FROM checkpoints ORDER BY tree_size DESC LIMIT 1').pluck().get() as string
  const after = Date.parse(headTime)
  const insert = createBatchInsert({ db, table: 'nonces', columns: ['signer', 'nonce', 'expires'] })
  const page = db.prepare('SELECT idx, leaf FROM entries WHERE idx > ? ORDER BY idx LIMIT ?')
  db.prepare('DELETE FROM nonces').run()
  let count = 0
  // In pages: a connection cannot write while one of its queries is still being iterated.
  for (let last = -1; ; ) {
    const rows = page.all(last, PAGE) as { idx: number; leaf: Buffer }[]
    if (rows.length === 0) return count
    const values: unknown[] = []
    for (const row of rows) {
      const { tx } = JSON.parse(row.leaf.toString('utf8')) as { tx: { signer: string; nonce: string; expires: string } }
      const expires = Date.parse(tx.expires)
      if (expires > after) values.push(tx.signer, tx.nonce, expires)
    }
    insert(values, values.length / 3)
    count += values.length / 3
    last = (rows.at(-1) as { idx: number }).idx
  }
}
