import type { Ledger } from '@tabularium/ledger'
import { Hono } from 'hono'
import type { AppEnv } from '../http/appEnv.js'
import type { Metrics } from '../metrics/createMetrics.js'

/** Options of `healthRoutes`. */
export interface HealthRoutesParameters {
  ledger: Ledger
  metrics: Metrics
  shutdown: AbortSignal
  /** Open SSE streams, for the gauge. */
  sseClients: () => number
}

/**
 * GET /healthz (the process answers), /readyz (the ledger is open and
 * writable; 503 NODE_STOPPED otherwise) and /metrics (Prometheus text).
 *
 * @example app.route('/', healthRoutes({ ledger, metrics, shutdown, sseClients }))
 */
export function healthRoutes({ ledger, metrics, shutdown, sseClients }: HealthRoutesParameters): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  app.get('/healthz', (c) => c.json({ status: 'ok' }))
  app.get('/readyz', (c) => {
    const problem = readinessProblem(ledger, shutdown)
    if (problem === undefined) return c.json({ status: 'ready', treeSize: ledger.checkpoint().treeSize })
    c.header('Retry-After', '1')
    return c.json({ error: { code: 'NODE_STOPPED', message: problem } }, 503)
  })
  app.get('/metrics', (c) => {
    let stats: ReturnType<Ledger['stats']> | undefined
    try {
      stats = ledger.stats()
    } catch {
      // A closed ledger still lets the process and HTTP metrics be scraped.
      stats = undefined
    }
    c.header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
    return c.body(metrics.render({ stats, sseClients: sseClients() }))
  })
  return app
}

function readinessProblem(ledger: Ledger, shutdown: AbortSignal): string | undefined {
  if (shutdown.aborted) return 'the node is shutting down'
  try {
    ledger.stats()
    ledger.checkpoint()
  } catch {
    return 'the ledger is not open'
  }
  return writable(ledger) ? undefined : 'the ledger has stopped writing'
}

// Ledgers that can stop writing (divergence alarm) say so through `writable`.
function writable(ledger: Ledger): boolean {
  const flag = (ledger as { writable?: unknown }).writable
  return typeof flag === 'function' ? flag.call(ledger) !== false : flag !== false
}
