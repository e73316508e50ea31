import { canonicalize } from '@tabularium/core'
import { EMPTY_ROOT, rootFromFrontier } from '@tabularium/log'
import { type Genesis, ProtocolError } from '@tabularium/protocol'
import type { Database } from 'better-sqlite3'
import type { CheckpointSigner } from '../checkpoints/createCheckpointSigner.js'
import type { RoleChecker } from '../executor/roles.js'
import { GENESIS_INDEX, GENESIS_SIGNER, seedGenesis } from '../executor/seedGenesis.js'
import { createStateCommitment } from '../integrity/createStateCommitment.js'
import type { ModuleDefinition } from '../module/defineModule.js'
import { applyProjections } from '../projections/applyProjections.js'
import { runMigrations } from '../projections/runMigrations.js'
import type { CommittedEvent } from '../types.js'
import type { CheckpointRow } from './createBlockWriter.js'
import { createStateStore, type StateStore } from './createStateStore.js'
import { createTreeStore, type TreeStore } from './createTreeStore.js'
import { readMeta, writeMeta } from './meta.js'
import { openDatabase } from './openDatabase.js'
import { readLatestCheckpoint } from './readCheckpoint.js'

/** An open ledger file and where its log stands. */
export interface LedgerStore {
  db: Database
  state: StateStore
  tree: TreeStore
  /** The latest checkpoint: the head the next block builds on. */
  head: CheckpointRow
}

/** Parameters of `openLedgerStore`. */
export interface OpenLedgerStoreParameters {
  path: string
  genesis: Genesis
  modules: readonly ModuleDefinition[]
  hasRole: RoleChecker
  sign: CheckpointSigner
  clock: () => number
  /** False when a background checkpointer copies the WAL (see startCheckpointer). */
  autoCheckpoint?: boolean
}

/**
 * Opens a ledger file. A new file is initialised: projections migrated,
 * genesis state seeded and a checkpoint of the empty tree signed, in one
 * transaction. An existing file resumes from its last checkpoint: the
 * frontier and the state sum are read back (O(log n) rows), nothing is
 * replayed.
 *
 * @example const store = openLedgerStore({ path, genesis, modules, hasRole, sign, clock })
 */
export function openLedgerStore(p: OpenLedgerStoreParameters): LedgerStore {
  const db = openDatabase({ path: p.path, autoCheckpoint: p.autoCheckpoint ?? true })
  try {
    const commitment = createStateCommitment({ db })
    const state = createStateStore({ db, commitment })
    const genesisText = canonicalize(p.genesis)
    const stored = readMeta(db, 'genesis')
    if (stored !== undefined && stored !== genesisText) {
      throw new ProtocolError('CONFLICT', 'the ledger file was created with another genesis file')
    }
    runMigrations({ db, modules: p.modules })
    if (stored === undefined) db.transaction(() => initialise(p, db, state, genesisText))()
    const head = readLatestCheckpoint(db)
    if (head === undefined) throw new ProtocolError('INTERNAL', 'the ledger file holds no checkpoint')
    const tree = createTreeStore({ db, size: head.treeSize })
    if (!Buffer.from(rootFromFrontier(tree.frontier)).equals(head.rootHash)) {
      throw new ProtocolError('INTERNAL', 'the stored tree does not match the last checkpoint')
    }
    // Read back (or, for a file written before the sum existed, computed once).
    commitment.load(head.treeSize)
    return { db, state, tree, head }
  } catch (error) {
    db.close()
    throw error
  }
}

function initialise(p: OpenLedgerStoreParameters, db: Database, state: StateStore, genesisText: string): void {
  const seeded = seedGenesis({ genesis: p.genesis, modules: p.modules, state, hasRole: p.hasRole })
  for (const write of seeded.writes) state.write(write, GENESIS_INDEX)
  const events: CommittedEvent[] = seeded.events.map((event) => ({
    module: event.module,
    type: event.type,
    data: JSON.parse(event.data) as Record<string, unknown>,
    txid: seeded.txid,
    index: GENESIS_INDEX,
    time: p.genesis.createdAt,
    signer: GENESIS_SIGNER,
  }))
  applyProjections({ db, modules: new Map(p.modules.map((m) => [m.name, m])), events })
  writeMeta(db, 'genesis', genesisText)
  const timeMs = p.clock()
  const note = p.sign({ treeSize: 0, rootHash: EMPTY_ROOT, timeMs })
  db.prepare('INSERT INTO checkpoints (tree_size, block, root, state, note, time) VALUES (0, 0, ?, ?, ?, ?)').run(
    Buffer.from(EMPTY_ROOT),
    seeded.state,
    note,
    new Date(timeMs).toISOString(),
  )
}
