import type { Database } from 'better-sqlite3'

/** A checkpoint cosigned by a quorum of members. */
export interface FinalCheckpoint {
  treeSize: number
  rootHash: Uint8Array
  /** The signed note: this node's log signature and the members' cosignatures. */
  note: string
  /** Member ids whose cosignatures it carries. */
  cosigners: string[]
  /** The block's time (RFC 3339). */
  time: string
}

/** The final checkpoints of a ledger file: the latest, and a thinned history. */
export interface FinalStore {
  latest(): FinalCheckpoint | undefined
  /** Newest first. */
  list(limit: number): FinalCheckpoint[]
  /** The smallest stored final checkpoint holding entry `index`, if any. */
  covering(index: number): FinalCheckpoint | undefined
  add(checkpoint: FinalCheckpoint): void
}

// The newest ones are kept, older ones thinned to the first per minute: the
// portal lists who cosigned, and any later final checkpoint proves an entry.
const KEEP_RECENT = 200

/**
 * Final checkpoints in the ledger file's `final_checkpoints` table (created
 * here: files from before finality gain it on open).
 *
 * @example const finals = createFinalStore(db); finals.add(final); finals.latest()
 */
export function createFinalStore(db: Database): FinalStore {
  db.exec(`CREATE TABLE IF NOT EXISTS final_checkpoints (
    tree_size INTEGER PRIMARY KEY,
    root BLOB NOT NULL,
    note TEXT NOT NULL,
    cosigners TEXT NOT NULL,
    time TEXT NOT NULL,
    minute INTEGER NOT NULL
  )`)
  const insert = db.prepare(
    'INSERT OR REPLACE INTO final_checkpoints (tree_size, root, note, cosigners, time, minute) VALUES (?, ?, ?, ?, ?, ?)',
  )
  const newest = db.prepare('SELECT * FROM final_checkpoints ORDER BY tree_size DESC LIMIT ?')
  const covering = db.prepare('SELECT * FROM final_checkpoints WHERE tree_size > ? ORDER BY tree_size LIMIT 1')
  const thin = db.prepare(`DELETE FROM final_checkpoints WHERE tree_size < (
      SELECT tree_size FROM final_checkpoints ORDER BY tree_size DESC LIMIT 1 OFFSET ${KEEP_RECENT})
    AND tree_size NOT IN (SELECT MIN(tree_size) FROM final_checkpoints GROUP BY minute)`)
  let latest = (newest.all(1) as Row[]).map(toFinal)[0]
  let added = 0
  return {
    latest: () => latest,
    list: (limit) => (newest.all(limit) as Row[]).map(toFinal),
    covering(index) {
      const row = covering.get(index) as Row | undefined
      return row === undefined ? undefined : toFinal(row)
    },
    add(checkpoint) {
      const minute = Math.floor(Date.parse(checkpoint.time) / 60_000)
      insert.run(
        checkpoint.treeSize,
        Buffer.from(checkpoint.rootHash),
        checkpoint.note,
        JSON.stringify(checkpoint.cosigners),
        checkpoint.time,
        minute,
      )
      latest = checkpoint
      if (++added % 50 === 0) thin.run()
    },
  }
}

interface Row {
  tree_size: number
  root: Buffer
  note: string
  cosigners: string
  time: string
}

function toFinal(row: Row): FinalCheckpoint {
  return {
    treeSize: row.tree_size,
    rootHash: new Uint8Array(row.root),
    note: row.note,
    cosigners: JSON.parse(row.cosigners) as string[],
    time: row.time,
  }
}
