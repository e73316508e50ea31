import type { Database } from 'better-sqlite3'
import type { z } from 'zod'

/** A JSON value as stored in module state. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

/** Read access to the key-value state (keys are per module, without the module prefix). */
export interface StateReader {
  get<T extends Json = Json>(key: string): T | undefined
  /** Keys with a prefix, in byte order, at most `limit`. */
  list<T extends Json = Json>(prefix: string, options?: { limit?: number; after?: string }): { key: string; value: T }[]
  /** Read another module's state (read-only), e.g. governance roles. */
  of(module: string): StateReader
}

/**
 * What an action sees while it executes. Deterministic by construction: the
 * only time is the entry's, the only randomness is derived from the txid.
 */
export interface ActionContext extends StateReader {
  readonly txid: string
  readonly signer: string
  /** The entry's time (RFC 3339, ms), the same on every node. */
  readonly time: string
  /** The index the entry will have in the log. */
  readonly index: number
  put(key: string, value: Json): void
  delete(key: string): void
  emit(type: string, data: Record<string, Json>): void
  /** Deterministic bytes derived from the txid and a label. */
  random(label: string, length?: number): Uint8Array
  /** True when `did` holds `role` (per the governance module's state). */
  hasRole(did: string, role: string): boolean
}

/** How an action may be called. */
export type Access =
  | { public: true }
  /** The signer must hold at least one of these roles. */
  | { roles: readonly string[] }

/** An action: its argument schema, who may call it, and what it does. */
export interface ActionDefinition<Args = unknown> {
  args: z.ZodType<Args>
  access: Access
  /** Throw a ProtocolError to reject (the entry is logged as rejected, nothing written). */
  execute(ctx: ActionContext, args: Args): void
  /** One sentence for the OpenAPI document and the console. */
  description?: string
  /** Expensive stateless checks that may run ahead of execution, in the verifier worker threads. */
  precheck?: Precheck<Args>
}

/**
 * Work on an action's arguments that depends on nothing the transaction's
 * place in the log can change (zero-knowledge proofs, signatures inside the
 * arguments), run in the verifier worker threads while the transaction's own
 * signature is checked, so that the ledger thread need not. It never decides
 * an outcome: `execute` must still check everything itself, and may skip
 * only what `accept` recorded as done (an audit, or a node that did not run
 * the precheck, verifies inline and reaches the same outcome).
 */
export interface Precheck<Args = unknown> {
  /** URL of the module a worker imports; its export `runPrecheck(job: Json): Json` does the work. */
  worker: string
  /** On the ledger thread at admission, over the committed state: the worker's job, or undefined for none. */
  job(state: StateReader, args: Args): Json | undefined
  /** On the ledger thread with the worker's answer, before the transaction is ordered. */
  accept(args: Args, job: Json, result: Json): void
}

/** What a query sees: the state and the module's projection tables. */
export interface QueryContext extends StateReader {
  db: Database
}

/** A read-only query, served under `/v1/modules/:module/queries/:name`. */
export interface QueryDefinition<Params = unknown, Result = unknown> {
  params: z.ZodType<Params>
  run(ctx: QueryContext, params: Params): Result
  description?: string
}

/** A committed event as projections receive it. */
export interface ProjectedEvent {
  module: string
  type: string
  data: Record<string, Json>
  txid: string
  index: number
  time: string
  signer: string
}

/**
 * A projection: SQL tables built from events, rebuilt by replaying the log.
 * `migrations` run in order once; `apply` runs inside the block's transaction.
 */
export interface ProjectionDefinition {
  tables: readonly string[]
  migrations: readonly string[]
  apply(db: Database, event: ProjectedEvent): void
}

/** A module: a deterministic state machine with queries and projections. */
export interface ModuleDefinition {
  name: string
  description?: string
  actions: Record<string, ActionDefinition<any>>
  queries: Record<string, QueryDefinition<any, any>>
  projection?: ProjectionDefinition
  /** Seeds state from the genesis file (runs once, when the ledger is created). */
  genesis?: (ctx: ActionContext, genesis: import('@tabularium/protocol').Genesis) => void
}

/**
 * Declares a module; the identity function, there for typing.
 *
 * @example
 * export const notary = defineModule({ name: 'notary', actions: { stamp }, queries: { byHash } })
 */
export function defineModule<M extends ModuleDefinition>(module: M): M {
  return module
}

/** Declares an action with its argument type inferred from the schema. */
export function defineAction<Args>(action: ActionDefinition<Args>): ActionDefinition<Args> {
  return action
}

/** Declares a query with its parameter type inferred from the schema. */
export function defineQuery<Params, Result>(query: QueryDefinition<Params, Result>): QueryDefinition<Params, Result> {
  return query
}
