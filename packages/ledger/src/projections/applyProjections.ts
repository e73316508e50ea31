import type { Database } from 'better-sqlite3'
import type { ModuleDefinition, ProjectedEvent } from '../module/defineModule.js'
import type { CommittedEvent } from '../types.js'

/**
 * Feeds committed events to their module's projection, inside the block's
 * SQLite transaction: a projection that throws aborts the whole block, so the
 * read models never disagree with the log. A module's projection sees that
 * module's events only.
 *
 * @example applyProjections({ db, modules, events })
 */
export function applyProjections(p: {
  db: Database
  modules: ReadonlyMap<string, ModuleDefinition>
  events: readonly CommittedEvent[]
}): void {
  for (const event of p.events) {
    const projection = p.modules.get(event.module)?.projection
    if (projection !== undefined) projection.apply(p.db, event as ProjectedEvent)
  }
}
