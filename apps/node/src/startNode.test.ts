import assert from 'node:assert/strict'
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import type { SubmitResult } from '@tabularium/ledger'
import { checkReceipt } from './testing/checkReceipt.js'
import { createTestNetwork } from './testing/createTestNetwork.js'
import { submit } from './testing/requests.js'

const MAIN = fileURLToPath(new URL('./main.js', import.meta.url))

// Starts `main.js` and resolves with the URL it prints.
function start(dir: string): Promise<{ child: ChildProcess; url: string; exited: Promise<number | null> }> {
  const child = spawn(process.execPath, [MAIN, '--data-dir', dir, '--port', '0', '--log-level', 'warn'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  return new Promise((resolve, reject) => {
    let out = ''
    child.stdout?.on('data', (chunk) => {
      out += String(chunk)
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1]
      if (url !== undefined) resolve({ child, url, exited })
    })
    child.stderr?.on('data', (chunk) => (out += String(chunk)))
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)))
  })
}

describe('startNode (a real process)', () => {
  const dirs: string[] = []
  after(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true })
  })

  test('binds to loopback, stops on SIGTERM with exit 0 (in-flight work answered, streams ended), and keeps receipts across restarts', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tabularium-start-'))
    dirs.push(dir)
    const net = createTestNetwork()
    await net.writeDataDir(dir)
    const first = await start(dir)
    const fetchAt = (path: string, init?: RequestInit) => fetch(`${first.url}${path}`, init)
    const committed = (await (await submit(fetchAt, net.sign())).json()) as { results: SubmitResult[] }
    const index = committed.results[0]?.ok ? committed.results[0].index : -1
    const events = await fetchAt('/v1/events')
    const inFlight = submit(fetchAt, { transactions: Array.from({ length: 300 }, () => net.sign()) })
    await new Promise((resolve) => setTimeout(resolve, 5))
    first.child.kill('SIGTERM')
    const answered = await inFlight
    assert.ok([200, 503].includes(answered.status), `in-flight request got ${answered.status}`)
    await events.text()
    assert.equal(await first.exited, 0)

    const second = await start(dir)
    try {
      const receipt = await (await fetch(`${second.url}/v1/receipts/${index}`)).json()
      checkReceipt({ receipt, net })
    } finally {
      second.child.kill('SIGINT')
      assert.equal(await second.exited, 0)
    }
  })

  test('refuses a bad configuration or data directory with exit 1 and a clear message', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tabularium-start-'))
    dirs.push(dir)
    await assert.rejects(start(dir), /INVALID_DATA_DIR: cannot read .*genesis\.json/)
    const child = spawn(process.execPath, [MAIN, '--port', 'eighty'], { stdio: ['ignore', 'pipe', 'pipe'] })
    let err = ''
    child.stderr.on('data', (chunk) => (err += String(chunk)))
    const code = await new Promise((resolve) => child.once('exit', resolve))
    assert.equal(code, 1)
    assert.match(err, /INVALID_CONFIG/)
    assert.match(err, /port: /)
  })
})
