import assert from 'node:assert/strict'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { createClient } from '@tabularium/sdk'
import { runCli } from '../testing/cliProcess.js'
import { devnetPaths, readDevnetState } from './devnetState.js'
import { isProcessAlive } from './processAlive.js'
import { stopProcess } from './stopProcess.js'
import { waitUntil } from './waitUntil.js'

interface UpResult {
  ok: boolean
  alreadyRunning: boolean
  started: string[]
  nodes: { id: string; url: string; pid: number; key: string }[]
  etcd: { name: string; url: string; pid: number }[]
}

test('devnet up fails clearly when etcd is not installed, and writes nothing', async () => {
  const work = mkdtempSync(join(tmpdir(), 'tabularium-devnet-'))
  try {
    const run = await runCli({ args: ['devnet', 'up', '--dir', join(work, 'net')], env: { PATH: '/nonexistent' } })
    assert.equal(run.code, 2)
    assert.equal(
      run.stderr,
      'error: ETCD_NOT_FOUND: etcd is not installed: apt-get install etcd-server (3.4 or later)\n',
    )
    assert.equal(existsSync(join(work, 'net')), false)
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
})

test('devnet up, status, up again, down, up on the same data, down --purge', { timeout: 120_000 }, async () => {
  const work = mkdtempSync(join(tmpdir(), 'tabularium-devnet-'))
  const dir = join(work, 'net')
  const cli = (...args: string[]) => runCli({ args: ['devnet', ...args, '--dir', dir, '--json'], cwd: work })
  try {
    const first = await cli('up')
    assert.equal(first.code, 0, first.stderr)
    const up = JSON.parse(first.stdout) as UpResult
    assert.equal(up.alreadyRunning, false)
    assert.equal(up.started.length, 6)
    assert.deepEqual(
      up.nodes.map((n) => n.id),
      ['organisation-1', 'organisation-2', 'organisation-3'],
    )
    for (const node of up.nodes) assert.match(node.url, /^http:\/\/127\.0\.0\.1:\d+$/)
    // One genesis, three members, a majority governs and witnesses.
    const network = await createClient({ baseUrl: up.nodes[2]?.url as string }).getNetwork()
    assert.deepEqual(
      network.members.map((m) => m.id),
      up.nodes.map((n) => n.id),
    )
    assert.equal(network.governanceThreshold, 2)
    assert.equal(network.witnessQuorum, 2)
    // Every node serves the web app.
    for (const node of up.nodes) {
      const page = await fetch(`${node.url}/`)
      assert.equal(page.status, 200)
      assert.match(page.headers.get('content-type') ?? '', /text\/html/)
    }

    // A stamp through organisation-2's node is ordered on etcd and reaches organisation-3's.
    writeFileSync(join(work, 'doc.txt'), 'minutes of the council, 3 March')
    const key = join(dir, 'keys', 'organisation-2.jwk.json')
    const stamped = await runCli({
      args: ['stamp', 'doc.txt', '--url', up.nodes[1]?.url as string, '--key', key, '--json'],
      cwd: work,
    })
    assert.equal(stamped.code, 0, stamped.stderr)
    const { txid, index } = JSON.parse(stamped.stdout) as { txid: string; index: number }
    const third = createClient({ baseUrl: up.nodes[2]?.url as string })
    await waitUntil({ what: 'the stamp on the third node', check: () => third.getTransaction({ txid }) })

    const again = JSON.parse((await cli('up')).stdout) as UpResult
    assert.equal(again.alreadyRunning, true)
    assert.deepEqual(again.started, [])

    const status = await cli('status')
    assert.equal(status.code, 0)
    const processes = (JSON.parse(status.stdout) as { processes: { kind: string; healthy: boolean; detail: string }[] })
      .processes
    assert.equal(processes.length, 6)
    assert.ok(processes.every((p) => p.healthy))
    assert.equal(processes.filter((p) => p.detail === 'leader').length, 1)

    const down = await cli('down')
    assert.equal(down.code, 0, down.stderr)
    const outcomes = (JSON.parse(down.stdout) as { stopped: { outcome: string }[] }).stopped.map((s) => s.outcome)
    assert.deepEqual(outcomes, Array(6).fill('stopped'))
    const paths = devnetPaths(dir)
    for (const n of up.nodes) assert.equal(isProcessAlive({ pid: n.pid, marker: paths.nodeDir(n.id) }), false)
    for (const m of up.etcd) assert.equal(isProcessAlive({ pid: m.pid, marker: paths.etcdDir(m.name) }), false)
    assert.equal((await cli('status')).code, 1)

    // Up again: same ports, same ledgers.
    const restarted = JSON.parse((await cli('up')).stdout) as UpResult
    assert.deepEqual(
      restarted.nodes.map((n) => n.url),
      up.nodes.map((n) => n.url),
    )
    const entry = await createClient({ baseUrl: restarted.nodes[0]?.url as string }).getTransaction({ txid })
    assert.equal(entry.index, index)

    const purged = await cli('down', '--purge')
    assert.equal(purged.code, 0, purged.stderr)
    assert.equal(existsSync(dir), false)
  } finally {
    await stopAll(dir)
    rmSync(work, { recursive: true, force: true })
  }
})

/** After a failure: whatever `devnet.json` still lists is killed. */
async function stopAll(dir: string): Promise<void> {
  const state = await readDevnetState(dir).catch(() => undefined)
  const paths = devnetPaths(dir)
  for (const n of state?.nodes ?? []) await stopProcess({ pid: n.pid, marker: paths.nodeDir(n.id), graceMs: 0 })
  for (const m of state?.etcd ?? []) await stopProcess({ pid: m.pid, marker: paths.etcdDir(m.name), graceMs: 0 })
}
