import type { ProjectionDefinition } from '@tabularium/ledger'
import { statement } from './sqlite.js'

const MIGRATIONS = [
  `CREATE TABLE IF NOT EXISTS grants_applications (call TEXT NOT NULL, id TEXT NOT NULL, organisation TEXT NOT NULL,
     project TEXT NOT NULL, requested INTEGER NOT NULL, status TEXT NOT NULL, time TEXT NOT NULL, PRIMARY KEY (call, id))`,
  `CREATE TABLE IF NOT EXISTS grants_flags (seq INTEGER NOT NULL, call TEXT NOT NULL, application TEXT NOT NULL,
     time TEXT NOT NULL, overlaps TEXT NOT NULL, PRIMARY KEY (seq, call, application))`,
  'CREATE INDEX IF NOT EXISTS grants_flags_call ON grants_flags (call, application)',
  `CREATE TABLE IF NOT EXISTS grants_awards (id TEXT PRIMARY KEY, call TEXT NOT NULL, funder TEXT, organisation TEXT NOT NULL,
     project TEXT NOT NULL, amount INTEGER NOT NULL, paid INTEGER NOT NULL, time TEXT NOT NULL)`,
]

/** The grants read model: applications, double-funding flags (with their evidence) and awards. */
export const grantsProjection: ProjectionDefinition = {
  tables: ['grants_applications', 'grants_flags', 'grants_awards'],
  migrations: MIGRATIONS,
  apply(db, e) {
    const d = e.data as Record<string, any>
    if (e.type === 'applied')
      statement(db, `INSERT OR REPLACE INTO grants_applications VALUES (?, ?, ?, ?, ?, 'submitted', ?)`).run(
        d.call,
        d.application,
        d.organisation,
        d.project,
        d.requested,
        e.time,
      )
    else if (e.type === 'doubleFundingFlagged')
      statement(db, 'INSERT OR REPLACE INTO grants_flags VALUES (?, ?, ?, ?, ?)').run(
        e.index,
        d.call,
        d.application,
        e.time,
        JSON.stringify(d.overlaps),
      )
    else if (e.type === 'awarded') {
      statement(db, 'INSERT OR REPLACE INTO grants_awards VALUES (?, ?, ?, ?, ?, ?, 0, ?)').run(
        d.award,
        d.call,
        d.funder,
        d.organisation,
        d.project,
        d.amount,
        e.time,
      )
      statement(db, `UPDATE grants_applications SET status = 'awarded' WHERE call = ? AND id = ?`).run(
        d.call,
        d.application,
      )
    } else if (e.type === 'milestonePaid')
      statement(db, 'UPDATE grants_awards SET paid = paid + ? WHERE id = ?').run(d.amount, d.award)
  },
}
