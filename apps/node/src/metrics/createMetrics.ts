import type { LedgerStats } from '@tabularium/ledger'
import { formatPrometheus, type MetricFamily } from './formatPrometheus.js'
import { processFamilies } from './processFamilies.js'

/** Upper bounds of the request duration histogram, in seconds. */
export const DURATION_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const

/** The node's metrics: HTTP counters it records, ledger and process gauges it reads on scrape. */
export interface Metrics {
  observeRequest(p: { method: string; route: string; status: number; seconds: number }): void
  /** `extra`: families read from other parts of the node at scrape time (the witness). */
  render(p: { stats: LedgerStats | undefined; sseClients: number; extra?: MetricFamily[] }): string
}

interface Histogram {
  labels: Record<string, string>
  counts: number[]
  sum: number
  count: number
}

/**
 * Creates the metrics of one app. Labels are route patterns, never raw paths,
 * so hostile paths cannot grow the series without bound.
 *
 * @example const metrics = createMetrics(); metrics.observeRequest({ method: 'GET', route: '/healthz', status: 200, seconds: 0.001 })
 */
export function createMetrics(): Metrics {
  const requests = new Map<string, { labels: Record<string, string>; value: number }>()
  const durations = new Map<string, Histogram>()
  return {
    observeRequest({ method, route, status, seconds }) {
      const labels = { method, route, status: String(status) }
      const key = JSON.stringify(labels)
      const counter = requests.get(key) ?? { labels, value: 0 }
      counter.value += 1
      requests.set(key, counter)
      observe(durations, { method, route }, seconds)
    },
    render({ stats, sseClients, extra = [] }) {
      const http: MetricFamily[] = [
        {
          name: 'tabularium_http_requests_total',
          help: 'HTTP requests by method, route and status.',
          type: 'counter',
          samples: [...requests.values()],
        },
        {
          name: 'tabularium_http_request_duration_seconds',
          help: 'HTTP request duration.',
          type: 'histogram',
          samples: [...durations.values()].flatMap(histogramSamples),
        },
        {
          name: 'tabularium_sse_clients',
          help: 'Open server-sent event streams.',
          type: 'gauge',
          samples: [{ value: sseClients }],
        },
      ]
      return formatPrometheus([...ledgerFamilies(stats), ...http, ...extra, ...processFamilies()])
    },
  }
}

function observe(histograms: Map<string, Histogram>, labels: Record<string, string>, seconds: number): void {
  const key = JSON.stringify(labels)
  let histogram = histograms.get(key)
  if (histogram === undefined) {
    histogram = { labels, counts: DURATION_BUCKETS.map(() => 0), sum: 0, count: 0 }
    histograms.set(key, histogram)
  }
  DURATION_BUCKETS.forEach((bound, i) => {
    if (seconds <= bound) (histogram as Histogram).counts[i] = ((histogram as Histogram).counts[i] ?? 0) + 1
  })
  histogram.sum += seconds
  histogram.count += 1
}

function histogramSamples(h: Histogram): MetricFamily['samples'] {
  return [
    ...DURATION_BUCKETS.map((bound, i) => ({
      suffix: '_bucket',
      labels: { ...h.labels, le: String(bound) },
      value: h.counts[i] ?? 0,
    })),
    { suffix: '_bucket', labels: { ...h.labels, le: '+Inf' }, value: h.count },
    { suffix: '_sum', labels: h.labels, value: h.sum },
    { suffix: '_count', labels: h.labels, value: h.count },
  ]
}

function ledgerFamilies(stats: LedgerStats | undefined): MetricFamily[] {
  if (stats === undefined) return []
  const refused = Object.entries(stats.refused).map(([code, value]) => ({ labels: { code }, value }))
  return [
    {
      name: 'tabularium_tree_size',
      help: 'Entries in the verifiable log.',
      type: 'gauge',
      samples: [{ value: stats.treeSize }],
    },
    { name: 'tabularium_blocks_total', help: 'Blocks committed.', type: 'counter', samples: [{ value: stats.blocks }] },
    {
      name: 'tabularium_pending_transactions',
      help: 'Admitted transactions not yet committed.',
      type: 'gauge',
      samples: [{ value: stats.pending }],
    },
    {
      name: 'tabularium_admitted_transactions_total',
      help: 'Transactions admitted.',
      type: 'counter',
      samples: [{ value: stats.admitted }],
    },
    {
      name: 'tabularium_refused_transactions_total',
      help: 'Transactions refused at admission, by error code.',
      type: 'counter',
      samples: refused,
    },
    {
      name: 'tabularium_committed_transactions_total',
      help: 'Transactions committed to the log.',
      type: 'counter',
      samples: [{ value: stats.committedTransactions }],
    },
    {
      name: 'tabularium_last_block_duration_seconds',
      help: 'Time taken by the last block.',
      type: 'gauge',
      samples: [{ value: stats.lastBlockMs / 1000 }],
    },
  ]
}
