import type { Database } from 'better-sqlite3'

/** Reads a value of the `meta` table. */
export function readMeta(db: Database, key: string): string | undefined {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(key)
  return row as string | undefined
}

/** Writes a value of the `meta` table. */
export function writeMeta(db: Database, key: string, value: string): void {
  db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(key, value)
}
