import type { Ledger } from '@tabularium/ledger'
import { Hono } from 'hono'
import type { AppEnv } from '../http/appEnv.js'
import { describeModules } from '../modules/describeModules.js'
import { buildOpenApi } from '../openapi/buildOpenApi.js'
import { DOCS_HTML, DOCS_JS } from '../openapi/docsPage.js'

// The docs page runs only its own script and fetches only its own origin.
const DOCS_CSP = "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; connect-src 'self'; img-src 'self'"

/**
 * GET /openapi.json (OpenAPI 3.1, built once from the route table and the
 * ledger's modules), /docs and /docs/docs.js (a self-contained viewer).
 *
 * @example app.route('/', openApiRoutes({ ledger }))
 */
export function openApiRoutes({ ledger }: { ledger: Ledger }): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const document = buildOpenApi({ genesis: ledger.genesis, modules: describeModules(ledger.modules) })
  app.get('/openapi.json', (c) => c.json(document))
  app.get('/docs', (c) => {
    c.header('Content-Security-Policy', DOCS_CSP)
    return c.html(DOCS_HTML)
  })
  app.get('/docs/docs.js', (c) => c.body(DOCS_JS, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }))
  return app
}
