import Database from 'better-sqlite3'

/** A subject row: the lookup hash (never the subject id) and its wrapped secret. */
export interface SubjectRow {
  lookup: string
  wrapped: Buffer
  created: string
}

/** A record row: ciphertext only. */
export interface RecordRow {
  id: string
  lookup: string
  kind: string
  sealed: Buffer
  created: string
}

const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS subjects (lookup TEXT PRIMARY KEY, wrapped BLOB NOT NULL, created TEXT NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS records (id TEXT PRIMARY KEY, lookup TEXT NOT NULL, kind TEXT NOT NULL,
     sealed BLOB NOT NULL, created TEXT NOT NULL)`,
  'CREATE INDEX IF NOT EXISTS records_lookup ON records (lookup, kind)',
]

/**
 * Opens the vault's SQLite file. Rollback journal (not WAL: no log file keeps
 * old pages after a checkpoint) and `secure_delete`, so deleted rows are
 * overwritten with zeros; erasure then VACUUMs the file.
 *
 * @example const db = openVaultStore('vault.sqlite')
 */
export function openVaultStore(path: string): Database.Database {
  const db = new Database(path)
  db.pragma('journal_mode = DELETE')
  db.pragma('secure_delete = ON')
  db.pragma('synchronous = FULL')
  for (const sql of SCHEMA) db.exec(sql)
  return db
}
