import type { Json, ProjectedEvent, ProjectionDefinition } from '@tabularium/ledger'
import type { Database } from 'better-sqlite3'
import { statement } from './sqlite.js'

const MIGRATIONS = [
  `CREATE TABLE IF NOT EXISTS notary_stamps (
     txid TEXT PRIMARY KEY, seq INTEGER NOT NULL, hash TEXT NOT NULL, time TEXT NOT NULL,
     day TEXT NOT NULL, signer TEXT NOT NULL, organisation TEXT, doc_type TEXT, title TEXT,
     metadata TEXT NOT NULL, status TEXT NOT NULL, revoked_at TEXT, revoked_by TEXT,
     revoke_reason TEXT, revoke_txid TEXT)`,
  'CREATE UNIQUE INDEX IF NOT EXISTS notary_stamps_seq ON notary_stamps (seq)',
  'CREATE INDEX IF NOT EXISTS notary_stamps_hash ON notary_stamps (hash, seq)',
  'CREATE INDEX IF NOT EXISTS notary_stamps_signer ON notary_stamps (signer, seq)',
  'CREATE INDEX IF NOT EXISTS notary_stamps_organisation ON notary_stamps (organisation, seq)',
  'CREATE INDEX IF NOT EXISTS notary_stamps_doc_type ON notary_stamps (doc_type, seq)',
  'CREATE INDEX IF NOT EXISTS notary_stamps_time ON notary_stamps (time)',
  // No query reads stamps by hash (byHash reads the state), and this index
  // made every stamp dirty a random page: steps are append-only, so dropped here.
  'DROP INDEX IF EXISTS notary_stamps_hash',
]

type Data = Record<string, Json>

const APPLY: Record<string, (db: Database, e: ProjectedEvent, d: Data) => void> = {
  stamped: (db, e, d) =>
    statement(
      db,
      `INSERT OR REPLACE INTO notary_stamps
      (txid, seq, hash, time, day, signer, organisation, doc_type, title, metadata, status)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active')`,
    ).run(
      e.txid,
      e.index,
      d.hash,
      e.time,
      e.time.slice(0, 10),
      e.signer,
      d.organisation ?? null,
      d.docType ?? null,
      d.title ?? null,
      JSON.stringify(d.metadata ?? {}),
    ),
  revoked: (db, e, d) =>
    statement(
      db,
      `UPDATE notary_stamps SET status = 'revoked', revoked_at = ?, revoked_by = ?,
      revoke_reason = ?, revoke_txid = ? WHERE txid = ?`,
    ).run(e.time, e.signer, d.reason, e.txid, d.stamp),
}

/**
 * The notary read model: one row per stamp in `notary_stamps`, with its
 * revocation, indexed for the `list` and `stats` queries (by time, signer,
 * organisation and document type).
 *
 * @example defineModule({ name: 'notary', projection: notaryProjection, … })
 */
export const notaryProjection: ProjectionDefinition = {
  tables: ['notary_stamps'],
  migrations: MIGRATIONS,
  apply(db, event) {
    // Unknown event types are skipped, so replays survive newer modules.
    APPLY[event.type]?.(db, event, event.data)
  },
}
