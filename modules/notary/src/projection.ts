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
  // Keyed by the log index instead of the txid: the rows arrive in index
  // order, so each stamp appends to the table, where the txid key made every
  // stamp dirty a random page of its index (~0.4 of a page per stamp, a sixth
  // of a block's WAL; ledger README, network figures).
  `CREATE TABLE notary_stamps_by_seq (
     seq INTEGER PRIMARY KEY, txid TEXT NOT NULL, hash TEXT NOT NULL, time TEXT NOT NULL,
     day TEXT NOT NULL, signer TEXT NOT NULL, organisation TEXT, doc_type TEXT, title TEXT,
     metadata TEXT NOT NULL, status TEXT NOT NULL, revoked_at TEXT, revoked_by TEXT,
     revoke_reason TEXT, revoke_txid TEXT);
   INSERT INTO notary_stamps_by_seq SELECT seq, txid, hash, time, day, signer, organisation, doc_type, title,
     metadata, status, revoked_at, revoked_by, revoke_reason, revoke_txid FROM notary_stamps;
   DROP TABLE notary_stamps;
   ALTER TABLE notary_stamps_by_seq RENAME TO notary_stamps;
   CREATE INDEX notary_stamps_signer ON notary_stamps (signer, seq);
   CREATE INDEX notary_stamps_organisation ON notary_stamps (organisation, seq);
   CREATE INDEX notary_stamps_doc_type ON notary_stamps (doc_type, seq);
   CREATE INDEX notary_stamps_time ON notary_stamps (time);`,
]

type Data = Record<string, Json>
const REVOKE = `UPDATE notary_stamps SET status = 'revoked', revoked_at = ?, revoked_by = ?,
  revoke_reason = ?, revoke_txid = ?`

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
  revoked: (db, e, d) => {
    const revocation = [e.time, e.signer, d.reason, e.txid, d.stamp]
    // Events written before `stampIndex` existed name the stamp by txid
    // only: found by a scan, once, when a projection is rebuilt from them.
    if (typeof d.stampIndex === 'number')
      statement(db, `${REVOKE} WHERE txid = ? AND seq = ?`).run(...revocation, d.stampIndex)
    else statement(db, `${REVOKE} WHERE txid = ?`).run(...revocation)
  },
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
