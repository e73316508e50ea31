import { existsSync, linkSync, unlinkSync } from 'node:fs'
import { type Genesis, ProtocolError } from '@tabularium/protocol'
import type { Database } from 'better-sqlite3'
import { STATE_SUM_KEY } from '../integrity/storedStateSum.js'
import type { ModuleDefinition } from '../module/defineModule.js'
import { openDatabase } from '../store/openDatabase.js'
import { rebuildNonces } from './rebuildNonces.js'
import { rebuildProjections } from './rebuildProjections.js'

/** Parameters of `installSnapshot`. */
export interface InstallSnapshotParameters {
  /** A snapshot that `verifySnapshot` accepted; it is rewritten, then moved. */
  from: string
  /** Where the node's ledger goes; must not exist. Same filesystem as `from`. */
  to: string
  genesis: Genesis
  modules: readonly ModuleDefinition[]
}

/** What installing rebuilt. */
export interface InstallSnapshotResult {
  nonces: number
  events: number
  durationMs: number
}

/**
 * Tables that belong to the node that served the snapshot, emptied on
 * install: `final_checkpoints` notes carry that node's log signature beside
 * the members' cosignatures; this node gathers its own.
 */
export const NODE_LOCAL_TABLES = ['final_checkpoints'] as const

/** `meta` values derived from the state that no audit checks: dropped, the ledger recomputes them on open. */
const DERIVED_META_KEYS = [STATE_SUM_KEY]

/**
 * Makes a verified snapshot this node's ledger: in one SQLite transaction the
 * parts no audit covers, or that are node-specific, are rebuilt from the log
 * (replay protection, projections) or emptied (`NODE_LOCAL_TABLES`, the
 * stored state sum, which the ledger recomputes when it opens the file); the
 * file is then moved into place — a hard link, so a ledger that appeared
 * meanwhile is never overwritten. The log, tree, state, events and
 * checkpoints stay as verified.
 *
 * @example installSnapshot({ from: 'data/.join-1.sqlite', to: 'data/ledger.sqlite', genesis, modules })
 */
export function installSnapshot(p: InstallSnapshotParameters): InstallSnapshotResult {
  const started = performance.now()
  if (existsSync(p.to))
    throw new ProtocolError('CONFLICT', 'a ledger file exists already; a snapshot is not installed over it')
  const db = openDatabase({ path: p.from })
  let rebuilt: { nonces: number; events: number }
  try {
    rebuilt = db.transaction(() => {
      emptyNodeLocalTables(db)
      return { nonces: rebuildNonces(db), events: rebuildProjections({ db, ...p }) }
    })()
    db.pragma('wal_checkpoint(TRUNCATE)')
  } finally {
    db.close()
  }
  try {
    linkSync(p.from, p.to)
  } catch (error) {
    throw new ProtocolError('CONFLICT', 'a ledger file appeared while the snapshot was being installed', {
      cause: error,
    })
  }
  unlinkSync(p.from)
  return { ...rebuilt, durationMs: Math.round(performance.now() - started) }
}

function emptyNodeLocalTables(db: Database): void {
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").pluck()
  for (const table of NODE_LOCAL_TABLES) if (exists.get(table) === 1) db.prepare(`DELETE FROM ${table}`).run()
  const dropMeta = db.prepare('DELETE FROM meta WHERE key = ?')
  for (const key of DERIVED_META_KEYS) dropMeta.run(key)
}
