import type { Database } from 'better-sqlite3'
import type { Json, QueryContext, StateReader } from '../module/defineModule.js'
import type { StateView } from './stateView.js'

/** Most rows one `list` call returns, whatever `limit` asks. */
export const MAX_LIST_LIMIT = 1000

/**
 * The read half of a module's context: its own keys, parsed from JCS, and
 * read-only access to other modules' state through `of`. A class, because
 * one is made per transaction on the hot path and prototype methods cost
 * nothing per instance.
 */
export class ModuleStateReader implements StateReader {
  constructor(
    protected readonly view: StateView,
    protected readonly module: string,
  ) {}

  get<T extends Json = Json>(key: string): T | undefined {
    const text = this.view.get(this.module, key)
    // Parsed afresh on every read, so a module mutating what it read cannot
    // change the state behind the executor's back.
    return text === undefined ? undefined : (JSON.parse(text) as T)
  }

  list<T extends Json = Json>(
    prefix: string,
    options: { limit?: number; after?: string } = {},
  ): { key: string; value: T }[] {
    const { limit = 100, after = '' } = options
    const bounded = Math.max(0, Math.min(Math.floor(limit), MAX_LIST_LIMIT))
    return this.view
      .list(this.module, prefix, after, bounded)
      .map(([key, text]) => ({ key, value: JSON.parse(text) as T }))
  }

  of(other: string): StateReader {
    return new ModuleStateReader(this.view, other)
  }
}

/**
 * A module's read-only view of the state.
 *
 * @example createStateReader({ view, module: 'notary' }).get('doc/ab…')
 */
export function createStateReader({ view, module }: { view: StateView; module: string }): StateReader {
  return new ModuleStateReader(view, module)
}

/**
 * What a query sees: the module's state and a database handle.
 *
 * @example createQueryContext({ view, module: 'notary', db }).db.prepare('SELECT …')
 */
export function createQueryContext({
  view,
  module,
  db,
}: {
  view: StateView
  module: string
  db: Database
}): QueryContext {
  const context = new ModuleStateReader(view, module) as ModuleStateReader & { db: Database }
  context.db = db
  return context
}
