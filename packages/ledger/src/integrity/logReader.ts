import type { Database, Statement } from 'better-sqlite3'

/** A stored entry: index, txid, block, leaf bytes. */
export type EntryRow = [idx: number, txid: Buffer, block: number, leaf: Buffer]
/** A stored node of one level: index, hash. */
export type NodeRow = [idx: number, hash: Buffer]
/** A stored event: entry index, module, type, data (JCS). */
export type EventRow = [idx: number, module: string, type: string, data: string]
/** A stored checkpoint. */
export type CheckpointRowRaw = [
  treeSize: number,
  block: number,
  root: Buffer,
  state: string,
  note: string,
  time: string,
]

/** The reads of the log checks, prepared once per connection; ranges are half-open. */
export interface LogReader {
  entries(from: number, to: number): EntryRow[]
  nodes(level: number, from: number, to: number): NodeRow[]
  node(level: number, index: number): Buffer | undefined
  events(from: number, to: number): EventRow[]
  /** Checkpoints with `from <= tree_size <= to`. */
  checkpoints(from: number, to: number): CheckpointRowRaw[]
  latestCheckpoint(): CheckpointRowRaw | undefined
  /** Up to `limit` checkpoints from `treeSize` on. */
  checkpointsFrom(treeSize: number, limit: number): CheckpointRowRaw[]
  /** One past the highest stored entry index. */
  entryCount(): number
  meta(key: string): string | undefined
}

/**
 * Prepares the log reads on `db`. Every method reads inside whatever
 * transaction the caller holds, so one pass sees one snapshot.
 *
 * @example const reader = createLogReader(db); db.transaction(() => reader.entries(0, 100))()
 */
export function createLogReader(db: Database): LogReader {
  const raw = (sql: string): Statement => db.prepare(sql).raw()
  const entries = raw('SELECT idx, txid, block, leaf FROM entries WHERE idx >= ? AND idx < ? ORDER BY idx')
  const nodes = raw('SELECT idx, hash FROM nodes WHERE level = ? AND idx >= ? AND idx < ? ORDER BY idx')
  const node = db.prepare('SELECT hash FROM nodes WHERE level = ? AND idx = ?').pluck()
  const events = raw('SELECT idx, module, type, data FROM events WHERE idx >= ? AND idx < ? ORDER BY idx, seq')
  const columns = 'SELECT tree_size, block, root, state, note, time FROM checkpoints'
  const checkpoints = raw(`${columns} WHERE tree_size >= ? AND tree_size <= ? ORDER BY tree_size`)
  const from = raw(`${columns} WHERE tree_size >= ? ORDER BY tree_size LIMIT ?`)
  const latest = raw(`${columns} ORDER BY tree_size DESC LIMIT 1`)
  const count = db.prepare('SELECT max(idx) FROM entries').pluck()
  const meta = db.prepare('SELECT value FROM meta WHERE key = ?').pluck()
  return {
    entries: (from, to) => entries.all(from, to) as EntryRow[],
    nodes: (level, from, to) => nodes.all(level, from, to) as NodeRow[],
    node: (level, index) => node.get(level, index) as Buffer | undefined,
    events: (from, to) => events.all(from, to) as EventRow[],
    checkpoints: (from, to) => checkpoints.all(from, to) as CheckpointRowRaw[],
    checkpointsFrom: (treeSize, limit) => from.all(treeSize, limit) as CheckpointRowRaw[],
    latestCheckpoint: () => latest.get() as CheckpointRowRaw | undefined,
    entryCount: () => ((count.get() as number | null) ?? -1) + 1,
    meta: (key) => meta.get(key) as string | undefined,
  }
}
