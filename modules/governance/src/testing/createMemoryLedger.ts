import { canonicalize, concatBytes, isBaseError, sha256, toHex, utf8 } from '@tabularium/core'
import type { ActionContext, Json, ModuleDefinition, ProjectedEvent } from '@tabularium/ledger'
import { formatIssues, type Genesis, ProtocolError } from '@tabularium/protocol'
import Database from 'better-sqlite3'
import { commitWrites, type MemoryStore, memoryReader, type WriteSet } from './memoryState.js'

/** Options of `createMemoryLedger`. */
export interface MemoryLedgerParameters {
  genesis: Genesis
  modules: readonly ModuleDefinition[]
  /** Time of the first transaction; each next one is `stepMs` later unless given. */
  start?: string
  stepMs?: number
}

/** One action to run. */
export interface RunParameters {
  module: string
  action: string
  signer: string
  args: unknown
  time?: string
}

/** The outcome of `run`: accepted with its events, or refused with a code. */
export type RunResult =
  | { ok: true; txid: string; index: number; time: string; events: ProjectedEvent[] }
  | { ok: false; code: string; message: string; details?: Record<string, unknown> }

/** An in-memory stand-in for the ledger's executor, for modules' unit tests. */
export interface MemoryLedger {
  run(p: RunParameters): RunResult
  query(module: string, name: string, params?: unknown): unknown
  state(module: string, key: string): Json | undefined
  /** Writes state directly, for tests that need a state no action can reach. */
  write(module: string, key: string, value: Json | undefined): void
  readonly db: Database.Database
}

/**
 * Runs modules' actions as the ledger does — schema, access by governance
 * role, execution that writes nothing when refused, events into SQLite
 * projections — but without signatures, log or disk. For fast unit tests of
 * modules; integration tests use `createLedger`.
 *
 * @example
 * const ledger = createMemoryLedger({ genesis, modules: [governance] })
 * ledger.run({ module: 'governance', action: 'propose', signer: did, args: { kind: 'setThreshold', threshold: 1 } })
 */
export function createMemoryLedger(p: MemoryLedgerParameters): MemoryLedger {
  const { genesis, modules, stepMs = 1000 } = p
  const byName = new Map(modules.map((m) => [m.name, m]))
  const store: MemoryStore = new Map()
  const db = new Database(':memory:')
  for (const m of modules) for (const sql of m.projection?.migrations ?? []) db.exec(sql)
  let index = 0
  let clock = Date.parse(p.start ?? genesis.createdAt)

  function transact(
    tx: { module: string; signer: string; txid: string; time: string; index: number },
    body: (ctx: ActionContext) => void,
  ) {
    const writes: WriteSet = new Map()
    const events: ProjectedEvent[] = []
    const reader = memoryReader({ store, writes, module: tx.module })
    const ctx: ActionContext = {
      ...reader,
      txid: tx.txid,
      signer: tx.signer,
      time: tx.time,
      index: tx.index,
      put(key, value) {
        pendingOf(writes, tx.module).set(key, value)
      },
      delete(key) {
        pendingOf(writes, tx.module).set(key, undefined)
      },
      emit(type, data) {
        events.push({ module: tx.module, type, data, txid: tx.txid, index: tx.index, time: tx.time, signer: tx.signer })
      },
      random(label, length = 32) {
        return expand(tx.txid, label, length)
      },
      hasRole(did, role) {
        return memoryReader({ store, writes, module: 'governance' }).get(`roles/${role}/${did}`) === true
      },
    }
    body(ctx)
    commitWrites(store, writes)
    db.transaction(() => {
      for (const event of events) byName.get(event.module)?.projection?.apply(db, event)
    })()
    return events
  }

  const genesisTxid = toHex(sha256(canonicalize(genesis)))
  for (const m of modules) {
    if (m.genesis === undefined) continue
    const seed = m.genesis
    transact({ module: m.name, signer: 'genesis', txid: genesisTxid, time: genesis.createdAt, index: 0 }, (ctx) =>
      seed(ctx, genesis),
    )
  }

  return {
    db,
    state: (module, key) => store.get(module)?.get(key),
    write: (module, key, value) => commitWrites(store, new Map([[module, new Map([[key, value]])]])),
    run(run) {
      clock = run.time === undefined ? clock + stepMs : Date.parse(run.time)
      const time = new Date(clock).toISOString()
      const txid = toHex(sha256(canonicalize({ ...run, time, index })))
      try {
        const action = resolveAction(byName, run)
        const args = action.args.safeParse(run.args)
        if (!args.success)
          throw new ProtocolError('INVALID_ARGS', 'invalid arguments', {
            details: { issues: formatIssues(args.error) },
          })
        const tx = { module: run.module, signer: run.signer, txid, time, index }
        const events = transact(tx, (ctx) => {
          if ('roles' in action.access && !action.access.roles.some((role) => ctx.hasRole(run.signer, role))) {
            throw new ProtocolError(
              'UNAUTHORISED',
              `${run.module}.${run.action} needs one of: ${action.access.roles.join(', ')}`,
            )
          }
          action.execute(ctx, args.data)
        })
        return { ok: true, txid, index: index++, time, events }
      } catch (error) {
        if (!isBaseError(error)) throw error
        return { ok: false, ...error.toJSON() }
      }
    },
    query(module, name, params = {}) {
      const query = byName.get(module)?.queries[name] ?? fail('UNKNOWN_QUERY', `no query ${module}.${name}`)
      const parsed = query.params.safeParse(params)
      if (!parsed.success)
        throw new ProtocolError('INVALID_REQUEST', 'invalid parameters', {
          details: { issues: formatIssues(parsed.error) },
        })
      const reader = memoryReader({ store, writes: new Map(), module })
      return query.run({ ...reader, db }, parsed.data)
    },
  }
}

function resolveAction(byName: Map<string, ModuleDefinition>, run: RunParameters) {
  const module = byName.get(run.module) ?? fail('UNKNOWN_MODULE', `no module ${run.module}`)
  return module.actions[run.action] ?? fail('UNKNOWN_ACTION', `no action ${run.module}.${run.action}`)
}

function pendingOf(writes: WriteSet, module: string): Map<string, Json | undefined> {
  const pending = writes.get(module) ?? new Map<string, Json | undefined>()
  writes.set(module, pending)
  return pending
}

// Deterministic bytes from the txid and a label (SHA-256 in counter mode).
function expand(txid: string, label: string, length: number): Uint8Array {
  const blocks: Uint8Array[] = []
  for (let i = 0; blocks.length * 32 < length; i++) blocks.push(sha256(utf8(`${txid}\n${label}\n${i}`)))
  return concatBytes(...blocks).slice(0, length)
}

function fail(code: 'UNKNOWN_MODULE' | 'UNKNOWN_ACTION' | 'UNKNOWN_QUERY', message: string): never {
  throw new ProtocolError(code, message)
}
