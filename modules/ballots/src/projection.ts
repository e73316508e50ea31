import type { ProjectionDefinition } from '@tabularium/ledger'
import { statement } from './sqlite.js'

const MIGRATIONS = [
  `CREATE TABLE IF NOT EXISTS ballots_entries (
     process TEXT NOT NULL, idx INTEGER NOT NULL, type TEXT NOT NULL, time TEXT NOT NULL,
     PRIMARY KEY (process, idx)) WITHOUT ROWID`,
  'CREATE INDEX IF NOT EXISTS ballots_entries_type ON ballots_entries (process, type, time)',
]

/**
 * The ballots read model: one row per log entry that touched a ballot or
 * petition (its first event's type), so a client can fetch exactly the
 * entries a recount needs, and turnout can be charted by hour. Nothing in it
 * joins a token issuance to a ballot: the events do not either.
 *
 * @example defineModule({ name: 'ballots', projection: ballotsProjection, … })
 */
export const ballotsProjection: ProjectionDefinition = {
  tables: ['ballots_entries'],
  migrations: MIGRATIONS,
  apply(db, event) {
    const process = event.data.ballot ?? event.data.petition ?? event.data.process
    if (typeof process !== 'string') return
    statement(db, 'INSERT OR IGNORE INTO ballots_entries (process, idx, type, time) VALUES (?, ?, ?, ?)').run(
      process,
      event.index,
      event.type,
      event.time,
    )
  },
}
