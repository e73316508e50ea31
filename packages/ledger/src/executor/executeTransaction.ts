import type { Outcome, TransactionEnvelope } from '@tabularium/protocol'
import { ProtocolError } from '@tabularium/protocol'
import type { ModuleDefinition } from '../module/defineModule.js'
import { createActionContext, type EmittedEvent } from './createActionContext.js'
import { createOverlay, type Overlay } from './createOverlay.js'
import { eventsDigest, nextStateDigest, writeSetJcs } from './digests.js'
import { eventJcs, leafJcs } from './leafJcs.js'
import { isAllowed, type RoleChecker } from './roles.js'
import type { StateWrite } from './stateView.js'

/** A transaction as ordered: admitted, with its JCS form and (live) its parsed args. */
export interface OrderedTransaction {
  txid: string
  tx: TransactionEnvelope
  sig: string
  /** JCS of `tx`, computed once at admission. */
  txJcs: string
  /** Arguments as the action's schema parsed them at admission; parsed again when absent (audit). */
  args?: unknown
}

/** What executing one transaction produced. */
export interface ExecutedEntry {
  index: number
  txid: string
  signer: string
  outcome: Outcome
  state: string
  /** JCS of the LogEntry: the leaf, as text. */
  leaf: string
  events: EmittedEvent[]
  writes: StateWrite[]
}

/** Parameters of `executeTransaction`. */
export interface ExecuteTransactionParameters {
  item: OrderedTransaction
  modules: ReadonlyMap<string, ModuleDefinition>
  /** The block's overlay; an accepted transaction's writes are merged into it. */
  block: Overlay
  blockNumber: number
  index: number
  time: string
  previousState: string
  hasRole: RoleChecker
  onError?: (error: unknown, item: OrderedTransaction) => void
}

/** Longest rejection message recorded in a leaf. */
export const MAX_MESSAGE_LENGTH = 200

/**
 * Executes one ordered transaction deterministically over the block's
 * overlay and builds its log entry. A ProtocolError thrown by the action
 * rejects it with its code; anything else rejects it with EXECUTION_FAILED.
 * A rejected transaction writes nothing and emits nothing.
 *
 * @example const entry = executeTransaction({ item, modules, block, blockNumber, index, time, previousState, hasRole })
 */
export function executeTransaction(p: ExecuteTransactionParameters): ExecutedEntry {
  const { item } = p
  const events: EmittedEvent[] = []
  const view = createOverlay({ base: p.block })
  let outcome: Outcome
  try {
    runAction({ ...p, view, events })
    outcome = { status: 'accepted', events: eventsDigest(events.map(eventJcs)) }
  } catch (error) {
    outcome = rejectionOf(error)
    if (!(error instanceof ProtocolError)) p.onError?.(error, item)
  }
  const accepted = outcome.status === 'accepted'
  const writes = accepted ? [...view.writes.values()] : []
  for (const write of writes) p.block.put(write.module, write.key, write.value)
  const state = nextStateDigest(p.previousState, writeSetJcs(writes))
  const leaf = leafJcs({
    txid: item.txid,
    txJcs: item.txJcs,
    sig: item.sig,
    time: p.time,
    block: p.blockNumber,
    outcome,
    state,
  })
  return {
    index: p.index,
    txid: item.txid,
    signer: item.tx.signer,
    outcome,
    state,
    leaf,
    events: accepted ? events : [],
    writes,
  }
}

function runAction(p: ExecuteTransactionParameters & { view: Overlay; events: EmittedEvent[] }): void {
  const { tx } = p.item
  const module = p.modules.get(tx.module)
  if (module === undefined) throw new ProtocolError('UNKNOWN_MODULE', `no module ${tx.module}`)
  const action = Object.hasOwn(module.actions, tx.action) ? module.actions[tx.action] : undefined
  if (action === undefined) throw new ProtocolError('UNKNOWN_ACTION', `no action ${tx.module}.${tx.action}`)
  const args = p.item.args ?? parseArgs(action.args, tx.args)
  // Access is checked again at execution, against the state as of this entry:
  // a role revoked earlier in the same block must already count.
  if (!isAllowed({ access: action.access, view: p.view, signer: tx.signer, hasRole: p.hasRole })) {
    throw new ProtocolError('UNAUTHORISED', `the signer holds no role that ${tx.module}.${tx.action} requires`)
  }
  const ctx = createActionContext({
    view: p.view,
    module: tx.module,
    txid: p.item.txid,
    signer: tx.signer,
    time: p.time,
    index: p.index,
    hasRole: p.hasRole,
    events: p.events,
  })
  try {
    const result: unknown = action.execute(ctx, args)
    if (result instanceof Promise) {
      result.catch(() => {}) // its outcome no longer matters; never an unhandled rejection
      throw new Error('actions must be synchronous')
    }
  } finally {
    ctx.seal()
  }
}

function parseArgs(
  schema: { safeParse(value: unknown): { success: boolean; data?: unknown } },
  args: unknown,
): unknown {
  const parsed = schema.safeParse(args)
  if (!parsed.success) throw new ProtocolError('INVALID_ARGS', 'the arguments do not match the action schema')
  return parsed.data
}

function rejectionOf(error: unknown): Outcome {
  if (error instanceof ProtocolError) {
    return { status: 'rejected', code: error.code, message: truncate(error.message) }
  }
  return { status: 'rejected', code: 'EXECUTION_FAILED', message: 'the action failed' }
}

function truncate(message: string): string {
  return message.length <= MAX_MESSAGE_LENGTH ? message : `${message.slice(0, MAX_MESSAGE_LENGTH - 1)}…`
}
