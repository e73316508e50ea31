import type { Database, Statement } from 'better-sqlite3'

/** Rows per multi-row INSERT: well under SQLite's 32,766 bound parameters. */
const CHUNK = 64

/**
 * An INSERT of many rows per statement: crossing from JavaScript into SQLite
 * once per 64 rows rather than once per row roughly halves the cost of a
 * block's inserts. `values` receives each row's values flattened.
 *
 * @example const insert = createBatchInsert({ db, table: 'nodes', columns: ['level', 'idx', 'hash'] }); insert(flat, count)
 */
export function createBatchInsert({ db, table, columns }: { db: Database; table: string; columns: readonly string[] }) {
  const row = `(${columns.map(() => '?').join(', ')})`
  const prefix = `INSERT INTO ${table} (${columns.join(', ')}) VALUES `
  const many: Statement = db.prepare(prefix + Array(CHUNK).fill(row).join(', '))
  const one: Statement = db.prepare(prefix + row)
  const width = columns.length
  /** Inserts `count` rows whose values are laid out one row after another in `values`. */
  return (values: unknown[], count: number): void => {
    let at = 0
    for (; at + CHUNK <= count; at += CHUNK) many.run(values.slice(at * width, (at + CHUNK) * width))
    for (; at < count; at++) one.run(values.slice(at * width, (at + 1) * width))
  }
}
