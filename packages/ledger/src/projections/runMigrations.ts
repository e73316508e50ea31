import type { Database } from 'better-sqlite3'
import type { ModuleDefinition } from '../module/defineModule.js'

/**
 * Runs each module's projection migrations that have not run yet, in order,
 * recording each step in the `migrations` table (so a step runs once per
 * file, and a module may append steps in a later version).
 *
 * @example runMigrations({ db, modules })
 */
export function runMigrations({ db, modules }: { db: Database; modules: readonly ModuleDefinition[] }): void {
  const done = db.prepare('SELECT step FROM migrations WHERE module = ?').pluck()
  const record = db.prepare('INSERT INTO migrations (module, step) VALUES (?, ?)')
  db.transaction(() => {
    for (const module of modules) {
      const steps = module.projection?.migrations ?? []
      const applied = new Set(done.all(module.name) as number[])
      steps.forEach((sql, step) => {
        if (applied.has(step)) return
        db.exec(sql)
        record.run(module.name, step)
      })
    }
  })()
}
