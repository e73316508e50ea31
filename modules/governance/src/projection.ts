import type { Json, ProjectedEvent, ProjectionDefinition } from '@tabularium/ledger'
import type { Database } from 'better-sqlite3'
import { statement } from './sqlite.js'

const MIGRATIONS = [
  `CREATE TABLE IF NOT EXISTS governance_members (
     id TEXT PRIMARY KEY, name TEXT NOT NULL, did TEXT NOT NULL, log_key TEXT NOT NULL,
     witness_key TEXT NOT NULL, url TEXT, admitted_at TEXT NOT NULL, removed_at TEXT,
     status TEXT NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS governance_roles (
     role TEXT NOT NULL, did TEXT NOT NULL, granted_at TEXT NOT NULL, proposal TEXT, txid TEXT,
     PRIMARY KEY (role, did))`,
  'CREATE INDEX IF NOT EXISTS governance_roles_did ON governance_roles (did, role)',
  `CREATE TABLE IF NOT EXISTS governance_proposals (
     id TEXT PRIMARY KEY, seq INTEGER NOT NULL, txid TEXT NOT NULL, kind TEXT NOT NULL,
     change TEXT NOT NULL, proposer TEXT NOT NULL, proposer_did TEXT NOT NULL, reason TEXT,
     expires_at TEXT, status TEXT NOT NULL, approvals INTEGER NOT NULL DEFAULT 0,
     rejections INTEGER NOT NULL DEFAULT 0, threshold INTEGER, created_at TEXT NOT NULL,
     closed_at TEXT)`,
  'CREATE INDEX IF NOT EXISTS governance_proposals_status ON governance_proposals (status, seq)',
]

type Data = Record<string, Json>

// One writer per event type; unknown types are ignored so that a newer
// module's events never break an older projection during a replay.
const APPLY: Record<string, (db: Database, e: ProjectedEvent, d: Data) => void> = {
  memberAdded: (db, e, d) =>
    statement(db, `INSERT OR REPLACE INTO governance_members VALUES (?, ?, ?, ?, ?, ?, ?, NULL, 'active')`).run(
      d.id,
      d.name,
      d.did,
      d.logKey,
      d.witnessKey,
      d.url ?? null,
      d.admittedAt ?? e.time,
    ),
  memberRemoved: (db, e, d) =>
    statement(db, `UPDATE governance_members SET status = 'removed', removed_at = ? WHERE id = ?`).run(e.time, d.id),
  roleGranted: (db, e, d) =>
    statement(db, 'INSERT OR REPLACE INTO governance_roles VALUES (?, ?, ?, ?, ?)').run(
      d.role,
      d.did,
      e.time,
      d.proposal ?? null,
      e.txid,
    ),
  roleRevoked: (db, _e, d) =>
    statement(db, 'DELETE FROM governance_roles WHERE role = ? AND did = ?').run(d.role, d.did),
  proposed: (db, e, d) =>
    statement(
      db,
      `INSERT OR REPLACE INTO governance_proposals
      (id, seq, txid, kind, change, proposer, proposer_did, reason, expires_at, status, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?)`,
    ).run(
      d.id,
      e.index,
      e.txid,
      (d.change as { kind: string }).kind,
      JSON.stringify(d.change),
      d.proposer,
      d.proposerDid,
      d.reason,
      d.expiresAt,
      e.time,
    ),
  approved: (db, _e, d) =>
    statement(db, 'UPDATE governance_proposals SET approvals = ?, threshold = ? WHERE id = ?').run(
      d.approvals,
      d.threshold,
      d.id,
    ),
  rejected: (db, e, d) =>
    statement(
      db,
      `UPDATE governance_proposals SET rejections = ?, threshold = ?, status = ?,
      closed_at = CASE WHEN ? = 'rejected' THEN ? ELSE closed_at END WHERE id = ?`,
    ).run(d.rejections, d.threshold, d.status, d.status, e.time, d.id),
  executed: (db, e, d) =>
    statement(db, `UPDATE governance_proposals SET status = 'executed', closed_at = ? WHERE id = ?`).run(e.time, d.id),
}

/**
 * The governance read model: `governance_members` (with removed members kept
 * as `status = 'removed'`), `governance_roles` (current grants) and
 * `governance_proposals` (vote counts and status), for the console's lists.
 *
 * @example defineModule({ name: 'governance', projection: governanceProjection, … })
 */
export const governanceProjection: ProjectionDefinition = {
  tables: ['governance_members', 'governance_roles', 'governance_proposals'],
  migrations: MIGRATIONS,
  apply(db, event) {
    APPLY[event.type]?.(db, event, event.data)
  },
}
