import { formatIssues, ProtocolError } from '@tabularium/protocol'
import type { Database } from 'better-sqlite3'
import { createQueryContext } from '../executor/createStateReader.js'
import type { StateView } from '../executor/stateView.js'
import type { ModuleDefinition } from '../module/defineModule.js'

/**
 * Runs modules' queries over committed state and projection tables. Queries
 * get `db` as a read-only connection where the file allows one, so a query
 * can never write.
 *
 * @example const query = createQueryRunner({ modules, db, state }); query('notary', 'byHash', { hash })
 */
export function createQueryRunner(p: {
  modules: ReadonlyMap<string, ModuleDefinition>
  db: Database
  state: StateView
}): (module: string, name: string, params: unknown) => unknown {
  return (moduleName, name, params) => {
    const module = p.modules.get(moduleName)
    if (module === undefined) throw new ProtocolError('UNKNOWN_MODULE', `no module ${moduleName} on this network`)
    const query = Object.hasOwn(module.queries, name) ? module.queries[name] : undefined
    if (query === undefined) throw new ProtocolError('UNKNOWN_QUERY', `module ${moduleName} has no query ${name}`)
    const parsed = query.params.safeParse(params)
    if (!parsed.success) {
      throw new ProtocolError('INVALID_REQUEST', `the parameters of ${moduleName}.${name} do not match its schema`, {
        details: { issues: formatIssues(parsed.error) },
      })
    }
    return query.run(createQueryContext({ view: p.state, module: moduleName, db: p.db }), parsed.data)
  }
}
