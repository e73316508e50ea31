import assert from 'node:assert/strict'
import { test } from 'node:test'
import { Validator } from '@seriousme/openapi-schema-validator'
import { ERROR_CATALOGUE } from '@tabularium/protocol'
import type { TestNode } from '../createTestNode.js'
import { expectError } from '../requests.js'

/** Operations: health, readiness, metrics, OpenAPI, docs, unknown routes and methods. */
export function opsSuite(node: () => TestNode): void {
  test('answers liveness and readiness', async () => {
    const health = await node().fetch('/healthz')
    assert.deepEqual(await health.json(), { status: 'ok' })
    const ready = await node().fetch('/readyz')
    assert.equal(ready.status, 200)
    assert.equal(((await ready.json()) as { status: string }).status, 'ready')
  })

  test('exposes Prometheus metrics', async () => {
    await node().fetch('/healthz')
    const response = await node().fetch('/metrics')
    assert.match(response.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/)
    const text = await response.text()
    for (const name of [
      'tabularium_tree_size',
      'tabularium_blocks_total',
      'tabularium_pending_transactions',
      'tabularium_admitted_transactions_total',
      'tabularium_refused_transactions_total',
      'tabularium_http_requests_total',
      'tabularium_http_request_duration_seconds',
      'process_resident_memory_bytes',
    ]) {
      assert.match(text, new RegExp(`^# TYPE ${name} `, 'm'), name)
    }
    assert.match(text, /^tabularium_http_requests_total\{method="GET",route="\/healthz",status="200"\} \d+$/m)
  })

  test('publishes a valid OpenAPI 3.1 document with the error catalogue and module schemas', async () => {
    const doc = (await (await node().fetch('/openapi.json')).json()) as {
      openapi: string
      paths: Record<string, unknown>
      components: { schemas: Record<string, { properties?: { code?: { enum?: string[] } } }> }
    }
    const validator = new Validator()
    const result = await validator.validate(doc as never)
    assert.ok(result.valid, JSON.stringify(result.errors, null, 2))
    assert.equal(validator.version, '3.1')
    validator.resolveRefs()
    assert.equal(doc.openapi, '3.1.0')
    assert.deepEqual(doc.components.schemas.Error?.properties?.code?.enum, Object.keys(ERROR_CATALOGUE))
    assert.ok(doc.components.schemas['notary.stamp.args'])
    assert.ok(doc.components.schemas['notary.byHash.params'])
    for (const path of [
      '/v1/transactions',
      '/v1/transactions/{txid}',
      '/v1/entries',
      '/v1/entries/{index}',
      '/v1/receipts/{index}',
      '/v1/checkpoint',
      '/v1/proofs/inclusion',
      '/v1/proofs/consistency',
      '/v1/modules',
      '/v1/modules/{module}/queries/{name}',
      '/v1/network',
      '/v1/events',
      '/tlog/checkpoint',
      '/tlog/tile/{tilePath}',
      '/openapi.json',
      '/docs',
      '/healthz',
      '/readyz',
      '/metrics',
    ]) {
      assert.ok(doc.paths[path], path)
    }
  })

  test('serves a self-contained docs page', async () => {
    const page = await node().fetch('/docs')
    assert.match(page.headers.get('content-type') ?? '', /^text\/html/)
    const html = await page.text()
    assert.doesNotMatch(html, /https?:\/\//)
    assert.match(html, /<script src="docs\/docs.js">/)
    const script = await node().fetch('/docs/docs.js')
    assert.match(script.headers.get('content-type') ?? '', /^text\/javascript/)
    assert.match(await script.text(), /openapi\.json/)
  })

  test('answers NOT_FOUND for unknown routes and METHOD_NOT_ALLOWED for known ones', async () => {
    await expectError(await node().fetch('/v2/anything'), 'NOT_FOUND')
    await expectError(await node().fetch('/'), 'NOT_FOUND')
    const wrong = await node().fetch('/v1/checkpoint', { method: 'DELETE' })
    assert.match(wrong.headers.get('allow') ?? '', /GET/)
    await expectError(wrong, 'METHOD_NOT_ALLOWED')
    await expectError(await node().fetch('/v1/transactions', { method: 'GET' }), 'METHOD_NOT_ALLOWED')
  })

  test('echoes a well-formed request id and replaces a hostile one', async () => {
    const kept = await node().fetch('/healthz', { headers: { 'x-request-id': 'abc-123' } })
    assert.equal(kept.headers.get('x-request-id'), 'abc-123')
    const replaced = await node().fetch('/healthz', { headers: { 'x-request-id': 'a b<script>' } })
    assert.match(replaced.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/)
  })
}
