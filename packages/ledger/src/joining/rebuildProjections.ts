import type { Genesis } from '@tabularium/protocol'
import type { Database } from 'better-sqlite3'
import { createRoleChecker, GOVERNANCE_MODULE } from '../executor/roles.js'
import { GENESIS_INDEX, GENESIS_SIGNER, seedGenesis } from '../executor/seedGenesis.js'
import type { ModuleDefinition } from '../module/defineModule.js'
import { applyProjections } from '../projections/applyProjections.js'
import { runMigrations } from '../projections/runMigrations.js'
import { createStateStore } from '../store/createStateStore.js'
import { openDatabase } from '../store/openDatabase.js'
import type { CommittedEvent } from '../types.js'

const PAGE = 4096

/**
 * Empties the modules' projection tables and replays every event into them:
 * the genesis seeding's, then the stored events in log order (which the
 * audit has compared with re-execution). A snapshot's projections are never
 * checked by the audit, so they are rebuilt rather than trusted (DESIGN §2.3:
 * any projection can be rebuilt by replaying the log).
 *
 * @example rebuildProjections({ db, genesis, modules }) // inside the install transaction
 */
export function rebuildProjections(p: {
  db: Database
  genesis: Genesis
  modules: readonly ModuleDefinition[]
}): number {
  const modules = new Map(p.modules.map((m) => [m.name, m]))
  for (const table of projectionTables(p.modules)) p.db.prepare(`DELETE FROM "${table}"`).run()
  applyProjections({ db: p.db, modules, events: genesisEvents(p) })
  const page = p.db.prepare(
    'SELECT e.idx, e.seq, e.module, e.type, e.data, n.leaf FROM events e JOIN entries n ON n.idx = e.idx WHERE (e.idx, e.seq) > (?, ?) ORDER BY e.idx, e.seq LIMIT ?',
  )
  let count = 0
  // In pages: a connection cannot write while one of its queries is still being iterated.
  for (let at = { idx: -1, seq: -1 }; ; ) {
    const rows = page.all(at.idx, at.seq, PAGE) as EventRow[]
    if (rows.length === 0) return count
    applyProjections({ db: p.db, modules, events: rows.map(toCommittedEvent) })
    count += rows.length
    at = rows.at(-1) as EventRow
  }
}

interface EventRow {
  idx: number
  seq: number
  module: string
  type: string
  data: string
  leaf: Buffer
}

function toCommittedEvent(row: EventRow): CommittedEvent {
  const entry = JSON.parse(row.leaf.toString('utf8')) as { txid: string; time: string; tx: { signer: string } }
  return {
    module: row.module,
    type: row.type,
    data: JSON.parse(row.data) as Record<string, never>,
    txid: entry.txid,
    index: row.idx,
    time: entry.time,
    signer: entry.tx.signer,
  }
}

/** The tables the modules' projection migrations create: a schema-only file minus a migrated one. */
function projectionTables(modules: readonly ModuleDefinition[]): string[] {
  const db = openDatabase({ path: ':memory:' })
  try {
    const tables = () => new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all())
    const core = tables()
    runMigrations({ db, modules })
    return [...tables()].filter((name) => !core.has(name)) as string[]
  } finally {
    db.close()
  }
}

/** The events of the genesis seeding, as `openLedgerStore` projected them when the file was created. */
function genesisEvents(p: { genesis: Genesis; modules: readonly ModuleDefinition[] }): CommittedEvent[] {
  const db = openDatabase({ path: ':memory:' })
  try {
    const hasRole = createRoleChecker({
      genesis: p.genesis,
      governed: p.modules.some((m) => m.name === GOVERNANCE_MODULE),
    })
    const seeded = seedGenesis({ ...p, state: createStateStore({ db }), hasRole })
    return seeded.events.map((event) => ({
      module: event.module,
      type: event.type,
      data: JSON.parse(event.data) as Record<string, never>,
      txid: seeded.txid,
      index: GENESIS_INDEX,
      time: p.genesis.createdAt,
      signer: GENESIS_SIGNER,
    }))
  } finally {
    db.close()
  }
}
