import type { ModuleDefinition } from '../module/defineModule.js'
import { createOverlay, type Overlay } from './createOverlay.js'
import { type ExecutedEntry, executeTransaction, type OrderedTransaction } from './executeTransaction.js'
import type { RoleChecker } from './roles.js'
import type { StateView } from './stateView.js'

/** Parameters of `executeBlock`. */
export interface ExecuteBlockParameters {
  items: readonly OrderedTransaction[]
  modules: ReadonlyMap<string, ModuleDefinition>
  /** The committed state the block starts from. */
  state: StateView
  blockNumber: number
  /** Index of the block's first entry. */
  firstIndex: number
  time: string
  previousState: string
  hasRole: RoleChecker
  onError?: (error: unknown, item: OrderedTransaction) => void
}

/** A block, executed but not committed. */
export interface ExecutedBlock {
  number: number
  time: string
  entries: ExecutedEntry[]
  /** Every write of the block, last value per key. */
  overlay: Overlay
  /** The state digest after the block's last entry. */
  state: string
}

/**
 * Executes a block's transactions in order, each over the writes of those
 * before it. Nothing is committed: the caller stores the result in one SQLite
 * transaction, or drops it.
 *
 * @example const block = executeBlock({ items, modules, state, blockNumber: 7, firstIndex: 120, time, previousState, hasRole })
 */
export function executeBlock(p: ExecuteBlockParameters): ExecutedBlock {
  const overlay = createOverlay({ base: p.state })
  const entries: ExecutedEntry[] = []
  let state = p.previousState
  for (const [offset, item] of p.items.entries()) {
    const entry = executeTransaction({
      item,
      modules: p.modules,
      block: overlay,
      blockNumber: p.blockNumber,
      index: p.firstIndex + offset,
      time: p.time,
      previousState: state,
      hasRole: p.hasRole,
      ...(p.onError === undefined ? {} : { onError: p.onError }),
    })
    entries.push(entry)
    state = entry.state
  }
  return { number: p.blockNumber, time: p.time, entries, overlay, state }
}
