import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { createMetrics } from './createMetrics.js'
import { formatPrometheus } from './formatPrometheus.js'

describe('formatPrometheus', () => {
  test('renders help, type and escaped labels', () => {
    const text = formatPrometheus([
      {
        name: 'x_total',
        help: 'A "counter"\nwith lines.',
        type: 'counter',
        samples: [{ labels: { route: 'a"b\\c\nd' }, value: 2 }],
      },
      { name: 'y', help: 'Gauge.', type: 'gauge', samples: [{ value: Number.POSITIVE_INFINITY }] },
    ])
    assert.equal(
      text,
      '# HELP x_total A "counter"\\nwith lines.\n# TYPE x_total counter\nx_total{route="a\\"b\\\\c\\nd"} 2\n# HELP y Gauge.\n# TYPE y gauge\ny +Inf\n',
    )
  })
})

describe('createMetrics', () => {
  test('counts requests and fills the duration histogram cumulatively', () => {
    const metrics = createMetrics()
    metrics.observeRequest({ method: 'GET', route: '/healthz', status: 200, seconds: 0.002 })
    metrics.observeRequest({ method: 'GET', route: '/healthz', status: 200, seconds: 0.3 })
    const text = metrics.render({ stats: undefined, sseClients: 0 })
    assert.match(text, /^tabularium_http_requests_total\{method="GET",route="\/healthz",status="200"\} 2$/m)
    assert.match(
      text,
      /^tabularium_http_request_duration_seconds_bucket\{method="GET",route="\/healthz",le="0.0025"\} 1$/m,
    )
    assert.match(
      text,
      /^tabularium_http_request_duration_seconds_bucket\{method="GET",route="\/healthz",le="0.5"\} 2$/m,
    )
    assert.match(
      text,
      /^tabularium_http_request_duration_seconds_bucket\{method="GET",route="\/healthz",le="\+Inf"\} 2$/m,
    )
    assert.match(text, /^tabularium_http_request_duration_seconds_count\{method="GET",route="\/healthz"\} 2$/m)
    assert.match(text, /^process_resident_memory_bytes \d+$/m)
  })

  test('renders the ledger counters when the ledger answers', () => {
    const stats = {
      treeSize: 7,
      blocks: 3,
      pending: 1,
      admitted: 9,
      refused: { REPLAYED: 2 },
      committedTransactions: 7,
      lastBlockMs: 4,
      orderer: 'embedded',
      finalTreeSize: 7,
    }
    const text = createMetrics().render({ stats, sseClients: 2 })
    for (const line of [
      'tabularium_tree_size 7',
      'tabularium_blocks_total 3',
      'tabularium_pending_transactions 1',
      'tabularium_admitted_transactions_total 9',
      'tabularium_refused_transactions_total{code="REPLAYED"} 2',
      'tabularium_committed_transactions_total 7',
      'tabularium_last_block_duration_seconds 0.004',
      'tabularium_sse_clients 2',
    ]) {
      assert.ok(text.split('\n').includes(line), line)
    }
  })
})
