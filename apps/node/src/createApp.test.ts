import assert from 'node:assert/strict'
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { after, before, describe, test } from 'node:test'
import type { Ledger } from '@tabularium/ledger'
import { type Logger, pino } from 'pino'
import { loadConfig } from './config/loadConfig.js'
import { createApp } from './createApp.js'
import type { TestNetwork } from './testing/createTestNetwork.js'
import { createTestLedger } from './testing/createTestNode.js'
import { expectError, submit } from './testing/requests.js'

const config = loadConfig({ env: {}, argv: [] })

function captureLogs(): { logger: Logger; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = []
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk))
      done()
    },
  })
  const logger: Logger = pino({ level: 'info' }, stream)
  return {
    logger,
    lines: () =>
      chunks
        .join('')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  }
}

describe('createApp', () => {
  let ledger: Ledger
  let net: TestNetwork
  let close: () => Promise<void>
  before(async () => {
    ;({ ledger, net, close } = await createTestLedger())
  })
  after(() => close())

  test('turns an unexpected failure into a plain 500 that leaks nothing, logged with the request id', async () => {
    const broken = new Proxy(ledger, {
      get: (target, key) =>
        key === 'checkpoint'
          ? () => {
              throw new Error('disk /var/secret/ledger.sqlite is corrupt')
            }
          : Reflect.get(target, key),
    })
    const { logger, lines } = captureLogs()
    const app = createApp({ ledger: broken, config, logger })
    const response = await app.request('/v1/checkpoint', { headers: { 'x-request-id': 'req-42' } })
    assert.equal(response.status, 500)
    assert.deepEqual(await response.json(), { error: { code: 'INTERNAL', message: 'internal error' } })
    const logged = lines().find((line) => line.msg === 'unexpected error')
    assert.equal(logged?.reqId, 'req-42')
    assert.match(JSON.stringify(logged?.err), /secret/)
  })

  test('logs one JSON line per request with id, route, status and duration', async () => {
    const { logger, lines } = captureLogs()
    const app = createApp({ ledger, config, logger })
    await app.request('/v1/entries/7?x=1')
    const line = lines().find((l) => l.msg === 'request')
    assert.equal(line?.route, '/v1/entries/:index')
    assert.equal(line?.status, 404)
    assert.equal(typeof line?.durationMs, 'number')
    assert.equal(typeof line?.reqId, 'string')
  })

  test('the OpenAPI document lists every route the app serves', async () => {
    const app = createApp({ ledger, config, logger: pino({ level: 'silent' }) })
    const doc = (await (await app.request('/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>
    }
    const served = app.routes
      .filter((route) => route.method !== 'ALL')
      .map(
        (route) =>
          `${route.method.toLowerCase()} ${route.path.replace(/:(\w+)/g, '{$1}').replace(/\/\*$/, '/{tilePath}')}`,
      )
    const documented = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method} ${path}`),
    )
    assert.deepEqual([...new Set(served)].sort(), documented.sort())
  })

  test('public routes answer cross-origin (CORS headers on answers, errors and preflights) with the request id', async () => {
    const app = createApp({ ledger, config, logger: pino({ level: 'silent' }) })
    const expose = 'X-Request-Id,Retry-After'
    const receipts = await submit((p, i) => Promise.resolve(app.request(p, i)), net.sign(), { query: '?wait=true' })
    const answers = [receipts, await app.request('/v1/checkpoint'), await app.request('/v1/nothing')]
    for (const response of answers) {
      assert.equal(response.headers.get('access-control-allow-origin'), '*')
      assert.equal(response.headers.get('access-control-expose-headers'), expose)
      assert.match(response.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/)
    }
    assert.equal(receipts.status, 200)
    const tlog = await app.request('/tlog/checkpoint', { headers: { 'x-request-id': 'req-7' } })
    assert.equal(tlog.headers.get('access-control-allow-origin'), '*')
    assert.equal(tlog.headers.get('access-control-expose-headers'), null)
    assert.equal(tlog.headers.get('x-request-id'), 'req-7')
    const preflight = await app.request('/v1/transactions', {
      method: 'OPTIONS',
      headers: { origin: 'https://a.example', 'access-control-request-method': 'POST' },
    })
    assert.equal(preflight.status, 204)
    assert.equal(preflight.headers.get('access-control-allow-origin'), '*')
    assert.match(preflight.headers.get('access-control-allow-methods') ?? '', /POST/)
    assert.equal((await app.request('/healthz')).headers.get('access-control-allow-origin'), null)
  })

  test('after shutdown: not ready, submissions get NODE_STOPPED, event streams end', async () => {
    const shutdown = new AbortController()
    const app = createApp({ ledger, config, logger: pino({ level: 'silent' }), shutdown: shutdown.signal })
    const events = await app.request('/v1/events')
    shutdown.abort()
    await expectError(await app.request('/readyz'), 'NODE_STOPPED')
    await expectError(await submit((p, i) => Promise.resolve(app.request(p, i)), net.sign()), 'NODE_STOPPED')
    await expectError(await app.request('/v1/events'), 'NODE_STOPPED')
    assert.match(await events.text(), /: connected/)
  })

  test('serves the web app with SPA fallback, and nothing outside its root', async () => {
    const root = await mkdtemp(join(tmpdir(), 'tabularium-web-'))
    await mkdir(join(root, 'assets'))
    await writeFile(join(root, 'index.html'), '<!doctype html><title>app</title>')
    await writeFile(join(root, 'assets', 'app.js'), 'console.log(1)')
    await writeFile(join(root, '..', 'outside.txt'), 'secret')
    const app = createApp({ ledger, config, logger: pino({ level: 'silent' }), webRoot: root })
    const index = await app.request('/')
    assert.match(await index.text(), /<title>app/)
    assert.equal(index.headers.get('cache-control'), 'no-cache')
    const script = await app.request('/assets/app.js')
    assert.equal(script.headers.get('content-type'), 'text/javascript; charset=utf-8')
    assert.match(await (await app.request('/wallet/vouchers')).text(), /<title>app/)
    await expectError(await app.request('/assets/missing.js'), 'NOT_FOUND')
    await expectError(await app.request('/v1/nothing'), 'NOT_FOUND')
    for (const path of ['/../outside.txt', '/%2e%2e/outside.txt', '/assets/..%2F..%2Foutside.txt', '/%00']) {
      const response = await app.request(path)
      assert.doesNotMatch(await response.text(), /secret/, path)
    }
    assert.equal((await app.request('/healthz')).status, 200)
  })
})
