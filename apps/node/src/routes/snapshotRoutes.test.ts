import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { createLedger } from '@tabularium/ledger'
import { governance } from '@tabularium/module-governance'
import { notary } from '@tabularium/module-notary'
import { Hono } from 'hono'
import { pino } from 'pino'
import type { AppEnv } from '../http/appEnv.js'
import { createTestNetwork } from '../testing/createTestNetwork.js'
import { snapshotRoutes } from './snapshotRoutes.js'

test('a client that stops reading a snapshot loses it after the stall time, and the one slot is free again', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'tabularium-snapshot-'))
  const net = createTestNetwork()
  const keys = net.members[0]?.nodeKeys ?? assert.fail('no member')
  const path = join(dir, 'ledger.sqlite')
  const silent = pino({ level: 'silent' })
  const ledger = await createLedger({ genesis: net.genesis, keys, modules: [governance, notary], path, logger: silent })
  try {
    // Enough entries that the copy is far larger than what the response streams buffer ahead.
    for (let i = 0; i < 4; i++) await ledger.submit(Array.from({ length: 1000 }, () => net.sign()))
    const app = new Hono<AppEnv>()
    app.use(async (c, next) => {
      c.set('log', silent)
      await next()
    })
    app.onError((error, c) => c.json({ error: { code: (error as { code?: string }).code } }, 503))
    app.route('/', snapshotRoutes({ source: { ledgerPath: path, tempDir: dir }, stallMs: 200 }))
    const stalled = await app.request('/v1/snapshot')
    assert.equal(stalled.status, 200)
    const reader = stalled.body?.getReader() ?? assert.fail('no body')
    await reader.read() // one chunk, then nothing: a client that went quiet
    const busy = await app.request('/v1/snapshot')
    assert.equal(((await busy.json()) as { error: { code: string } }).error.code, 'OVERLOADED')
    await new Promise((resolve) => setTimeout(resolve, 700))
    await assert.rejects(async () => {
      for (;;) if ((await reader.read()).done) return
    }) // the stalled download was cut, not completed
    const again = await app.request('/v1/snapshot')
    assert.equal(again.status, 200)
    const bytes = new Uint8Array(await again.arrayBuffer())
    assert.equal(Buffer.from(bytes.subarray(0, 15)).toString(), 'SQLite format 3')
  } finally {
    await ledger.close()
    await rm(dir, { recursive: true, force: true })
  }
})
