import type { Database, Statement } from 'better-sqlite3'

// Projections and queries run the same few statements for every event or
// request; preparing them once per database saves most of their cost.
const cache = new WeakMap<Database, Map<string, Statement>>()

/**
 * A prepared statement, cached per database.
 *
 * @example statement(db, 'SELECT * FROM notary_stamps WHERE seq = ?').get(index)
 */
export function statement(db: Database, sql: string): Statement {
  let statements = cache.get(db)
  if (statements === undefined) {
    statements = new Map()
    cache.set(db, statements)
  }
  let prepared = statements.get(sql)
  if (prepared === undefined) {
    prepared = db.prepare(sql)
    statements.set(sql, prepared)
  }
  return prepared
}
