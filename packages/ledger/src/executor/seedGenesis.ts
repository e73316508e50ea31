import type { Genesis } from '@tabularium/protocol'
import type { ModuleDefinition } from '../module/defineModule.js'
import { createActionContext, type EmittedEvent } from './createActionContext.js'
import { createOverlay } from './createOverlay.js'
import { genesisDigest, nextStateDigest, writeSetJcs } from './digests.js'
import type { RoleChecker } from './roles.js'
import type { StateView, StateWrite } from './stateView.js'

/** The signer genesis hooks see: no key signed the genesis seeding. */
export const GENESIS_SIGNER = 'genesis'
/** The index genesis hooks see: seeding comes before the log's first entry. */
export const GENESIS_INDEX = -1

/** What seeding the genesis state produced. */
export interface SeededGenesis {
  writes: StateWrite[]
  events: EmittedEvent[]
  /** hex SHA-256(JCS(genesis)): the txid genesis hooks see, and the digest seeding starts from. */
  txid: string
  /** The state digest after seeding: the one the first entry folds onto. */
  state: string
}

/**
 * Runs every module's `genesis` hook once, in module order, with a context
 * whose txid is the genesis digest and whose time is `genesis.createdAt`, then
 * folds all their writes into the state digest as one write-set.
 *
 * @example const seeded = seedGenesis({ genesis, modules, state, hasRole })
 */
export function seedGenesis(p: {
  genesis: Genesis
  modules: readonly ModuleDefinition[]
  state: StateView
  hasRole: RoleChecker
}): SeededGenesis {
  const txid = genesisDigest(p.genesis)
  const view = createOverlay({ base: p.state })
  const events: EmittedEvent[] = []
  for (const module of p.modules) {
    if (module.genesis === undefined) continue
    const ctx = createActionContext({
      view,
      module: module.name,
      txid,
      signer: GENESIS_SIGNER,
      time: p.genesis.createdAt,
      index: GENESIS_INDEX,
      hasRole: p.hasRole,
      events,
    })
    module.genesis(ctx, p.genesis)
    ctx.seal()
  }
  const writes = [...view.writes.values()]
  return { writes, events, txid, state: nextStateDigest(txid, writeSetJcs(writes)) }
}
