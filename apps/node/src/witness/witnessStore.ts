import Database from 'better-sqlite3'

/** The witness's file in the data directory, beside `ledger.sqlite`. */
export const WITNESS_FILE = 'witness.sqlite'

/** The latest checkpoint a witness cosigned for one log. */
export interface WitnessedCheckpoint {
  origin: string
  treeSize: number
  rootHash: Uint8Array
  /** The signed note as it was submitted. */
  note: string
  /** When it was recorded, ISO 8601. */
  recordedAt: string
}

/** The witness's durable record: one row per log origin. */
export interface WitnessStore {
  latest(origin: string): WitnessedCheckpoint | undefined
  all(): WitnessedCheckpoint[]
  /**
   * Records `next` only if the log's record is still `from` (none when
   * `from` is undefined): a compare-and-set, so that no interleaving of
   * requests, threads or processes can roll the record back. Returns whether it did.
   */
  advance(p: { from: WitnessedCheckpoint | undefined; next: WitnessedCheckpoint }): boolean
  close(): void
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS witnessed_log (
    origin TEXT PRIMARY KEY,
    tree_size INTEGER NOT NULL CHECK (tree_size >= 0),
    root_hash BLOB NOT NULL CHECK (length(root_hash) = 32),
    note TEXT NOT NULL,
    recorded_at TEXT NOT NULL
  ) STRICT;
`

type Row = { origin: string; tree_size: number; root_hash: Buffer; note: string; recorded_at: string }

/**
 * Opens (or creates) the witness's SQLite file. WAL with `synchronous=FULL`:
 * a cosignature is only returned after its record is on disk
 * (c2sp.org/tlog-witness: "MUST persist the new checkpoint before responding").
 *
 * @example const store = openWitnessStore({ path: join(dataDir, WITNESS_FILE) })
 */
export function openWitnessStore({ path }: { path: string }): WitnessStore {
  const db = new Database(path)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.exec(SCHEMA)
  const select = db.prepare<[string], Row>('SELECT * FROM witnessed_log WHERE origin = ?')
  const selectAll = db.prepare<[], Row>('SELECT * FROM witnessed_log ORDER BY origin')
  const insert = db.prepare('INSERT INTO witnessed_log VALUES (?, ?, ?, ?, ?) ON CONFLICT (origin) DO NOTHING')
  const update = db.prepare(
    'UPDATE witnessed_log SET tree_size = ?, root_hash = ?, note = ?, recorded_at = ? WHERE origin = ? AND tree_size = ? AND root_hash = ?',
  )
  return {
    latest: (origin) => fromRow(select.get(origin)),
    all: () => selectAll.all().map((row) => fromRow(row) as WitnessedCheckpoint),
    advance({ from, next }) {
      const { origin, treeSize, rootHash, note, recordedAt } = next
      const root = Buffer.from(rootHash)
      const result =
        from === undefined
          ? insert.run(origin, treeSize, root, note, recordedAt)
          : update.run(treeSize, root, note, recordedAt, origin, from.treeSize, Buffer.from(from.rootHash))
      return result.changes === 1
    },
    close: () => db.close(),
  }
}

function fromRow(row: Row | undefined): WitnessedCheckpoint | undefined {
  if (row === undefined) return undefined
  return {
    origin: row.origin,
    treeSize: row.tree_size,
    rootHash: new Uint8Array(row.root_hash),
    note: row.note,
    recordedAt: row.recorded_at,
  }
}
