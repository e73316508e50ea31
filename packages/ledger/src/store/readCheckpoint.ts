import type { Database } from 'better-sqlite3'
import type { CheckpointRow } from './createBlockWriter.js'

interface Row {
  tree_size: number
  block: number
  root: Buffer
  state: string
  note: string
  time: string
}

/** The latest stored checkpoint, or undefined for a file never initialised. */
export function readLatestCheckpoint(db: Database): CheckpointRow | undefined {
  const row = db.prepare('SELECT * FROM checkpoints ORDER BY tree_size DESC LIMIT 1').get() as Row | undefined
  return row === undefined ? undefined : toCheckpoint(row)
}

/** Every stored checkpoint, smallest tree first. */
export function* iterateCheckpoints(db: Database): Generator<CheckpointRow> {
  for (const row of db.prepare('SELECT * FROM checkpoints ORDER BY tree_size').iterate()) yield toCheckpoint(row as Row)
}

function toCheckpoint(row: Row): CheckpointRow {
  return {
    treeSize: row.tree_size,
    block: row.block,
    rootHash: new Uint8Array(row.root),
    stateDigest: row.state,
    note: row.note,
    time: row.time,
  }
}
