import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import Database from 'better-sqlite3'

/**
 * Alters a node's ledger file behind its back, through another SQLite
 * connection while the node runs: the notary state row of `hash` gets
 * another title, and the stored hash of leaf `index` (table `nodes`, level 0)
 * is replaced. Both changes are asserted to have hit one row each.
 *
 * @example alterLedger({ path: 'nodes/organisation-2/ledger.sqlite', hash, index: 5123 })
 */
export function alterLedger({ path, hash, index }: { path: string; hash: string; index: number }): void {
  const db = new Database(path)
  try {
    db.pragma('busy_timeout = 10000')
    const key = `hashes/${hash}`
    const row = db.prepare("SELECT value FROM state WHERE module = 'notary' AND key = ?").get(key) as
      | { value: string }
      | undefined
    assert.ok(row, 'the stamp is in the state table')
    const stamps = JSON.parse(row.value) as { title: string | null }[]
    const forged = JSON.stringify(stamps.map((s) => ({ ...s, title: 'altered behind the node' })))
    const changed = db.transaction(() => [
      db.prepare("UPDATE state SET value = ? WHERE module = 'notary' AND key = ?").run(forged, key).changes,
      db.prepare('UPDATE nodes SET hash = ? WHERE level = 0 AND idx = ?').run(randomBytes(32), index).changes,
    ])()
    assert.deepEqual(changed, [1, 1])
  } finally {
    db.close()
  }
}

/**
 * The state digest of the first checkpoint holding entry `index`, read from
 * the file (undefined when the node never committed it).
 *
 * @example stateDigestAfter({ path, index: trigger.index })
 */
export function stateDigestAfter({ path, index }: { path: string; index: number }): string | undefined {
  const db = new Database(path, { readonly: true })
  try {
    return db
      .prepare('SELECT state FROM checkpoints WHERE tree_size > ? ORDER BY tree_size LIMIT 1')
      .pluck()
      .get(index) as string | undefined
  } finally {
    db.close()
  }
}
