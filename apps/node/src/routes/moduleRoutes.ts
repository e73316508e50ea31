import type { Ledger, QueryDefinition } from '@tabularium/ledger'
import { ProtocolError } from '@tabularium/protocol'
import { Hono } from 'hono'
import type { AppEnv } from '../http/appEnv.js'
import { parseInput } from '../http/parseInput.js'
import { coerceQueryParams } from '../modules/coerceQueryParams.js'
import { describeModules } from '../modules/describeModules.js'
import { toJsonSchema } from '../modules/toJsonSchema.js'

/**
 * GET /v1/modules (actions with access, queries, JSON Schemas) and
 * GET /v1/modules/:module/queries/:name with parameters from the query string.
 *
 * @example app.route('/', moduleRoutes({ ledger }))
 */
export function moduleRoutes({ ledger }: { ledger: Ledger }): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const modules = describeModules(ledger.modules)
  app.get('/v1/modules', (c) => c.json({ modules }))
  app.get('/v1/modules/:module/queries/:name', (c) => {
    const { module, name } = c.req.param()
    const query = findQuery(ledger, module, name)
    const raw = coerceQueryParams({ schema: toJsonSchema(query.params), query: c.req.queries() })
    const params = parseInput({ schema: query.params, input: raw, what: 'query' })
    return c.json((ledger.query(module, name, params) ?? null) as object)
  })
  return app
}

function findQuery(ledger: Ledger, module: string, name: string): QueryDefinition {
  const definition = ledger.modules.get(module)
  if (definition === undefined)
    throw new ProtocolError('UNKNOWN_MODULE', 'no module of that name', { details: { module } })
  // Own properties only: `constructor` or `__proto__` are not queries.
  const query = Object.hasOwn(definition.queries, name) ? definition.queries[name] : undefined
  if (query === undefined)
    throw new ProtocolError('UNKNOWN_QUERY', 'the module has no query of that name', {
      details: { module, query: name },
    })
  return query
}
