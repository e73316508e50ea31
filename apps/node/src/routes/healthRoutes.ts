import type { Ledger } from '@tabularium/ledger'
import { Hono } from 'hono'
import type { AppEnv } from '../http/appEnv.js'
import type { Metrics } from '../metrics/createMetrics.js'
import type { MetricFamily } from '../metrics/formatPrometheus.js'
import { networkFamilies } from '../metrics/networkFamilies.js'

/** Options of `healthRoutes`. */
export interface HealthRoutesParameters {
  ledger: Ledger
  metrics: Metrics
  shutdown: AbortSignal
  /** Open SSE streams, for the gauge. */
  sseClients: () => number
  /** More metric families, read at each scrape (the witness's). */
  extraFamilies?: () => MetricFamily[]
}

/**
 * GET /healthz (the process answers), /readyz (the ledger is open and
 * writable; 503 NODE_STOPPED with the reason — diverged, altered, … — otherwise) and /metrics (Prometheus text).
 *
 * @example app.route('/', healthRoutes({ ledger, metrics, shutdown, sseClients }))
 */
export function healthRoutes({
  ledger,
  metrics,
  shutdown,
  sseClients,
  extraFamilies = () => [],
}: HealthRoutesParameters): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  app.get('/healthz', (c) => c.json({ status: 'ok' }))
  app.get('/readyz', (c) => {
    const problem = readinessProblem(ledger, shutdown)
    if (problem === undefined) return c.json({ status: 'ready', treeSize: ledger.checkpoint().treeSize })
    c.header('Retry-After', '1')
    return c.json({ error: { code: 'NODE_STOPPED', ...problem } }, 503)
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
    const network = stats === undefined ? [] : networkFamilies(ledger)
    return c.body(metrics.render({ stats, sseClients: sseClients(), extra: [...network, ...extraFamilies()] }))
  })
  return app
}

function readinessProblem(
  ledger: Ledger,
  shutdown: AbortSignal,
): { message: string; details?: Record<string, unknown> } | undefined {
  if (shutdown.aborted) return { message: 'the node is shutting down' }
  let health: ReturnType<Ledger['health']>
  try {
    ledger.checkpoint()
    health = ledger.health()
  } catch {
    return { message: 'the ledger is not open' }
  }
  if (health.status === 'ok') return undefined
  // A diverged or altered node stays up so that operators and peers can see why.
  return {
    message: `the node stopped writing: ${health.message}`,
    details: { reason: health.reason, since: health.since },
  }
}
