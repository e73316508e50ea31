import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type EtcdMemberSpec, etcdMemberArgs } from '../orderer/etcd/etcdMemberArgs.js'

/** An etcd cluster of this machine's `etcd` binary on 127.0.0.1, for tests. */
export interface TestEtcd {
  /** Client URLs, one per member. */
  endpoints: string[]
  /** Kills a member (SIGKILL); `restart` starts it again on the same data and ports. */
  kill(member: number): Promise<void>
  restart(member: number): Promise<void>
  /** Kills every member and removes the data directories. */
  stop(): Promise<void>
}

interface Member {
  name: string
  client: number
  peer: number
  dir: string
  process?: ChildProcess | undefined
}

/**
 * Starts `members` etcd members (default 1) on free loopback ports, each with
 * its own temporary data directory, and waits until the cluster answers.
 *
 * @example const etcd = await startEtcd(); … await etcd.stop()
 */
export async function startEtcd({
  members = 1,
  binary = 'etcd',
}: {
  members?: number
  binary?: string
} = {}): Promise<TestEtcd> {
  const root = mkdtempSync(join(tmpdir(), 'tabularium-etcd-'))
  const list: Member[] = []
  for (let i = 0; i < members; i++) {
    list.push({ name: `m${i}`, client: await freePort(), peer: await freePort(), dir: join(root, `m${i}`) })
  }
  const specs = list.map((m) => ({
    name: m.name,
    dataDir: m.dir,
    clientUrl: `http://127.0.0.1:${m.client}`,
    peerUrl: `http://127.0.0.1:${m.peer}`,
  }))
  const launch = (m: Member, i: number) => {
    const args = etcdMemberArgs({ member: specs[i] as EtcdMemberSpec, cluster: specs, token: root })
    m.process = spawn(binary, args, { stdio: 'ignore' })
  }
  const endpoints = list.map((m) => `http://127.0.0.1:${m.client}`)
  const kill = async (m: Member) => {
    const child = m.process
    m.process = undefined
    if (child === undefined || child.exitCode !== null) return
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
    child.kill('SIGKILL')
    await exited
  }
  list.forEach(launch)
  try {
    await Promise.all(endpoints.map((url) => waitHealthy(url)))
  } catch (error) {
    for (const m of list) await kill(m)
    rmSync(root, { recursive: true, force: true })
    throw error
  }
  return {
    endpoints,
    kill: (i) => kill(list[i] as Member),
    async restart(i) {
      const m = list[i] as Member
      await kill(m)
      launch(m, i)
      await waitHealthy(endpoints[i] as string)
    },
    async stop() {
      for (const m of list) await kill(m)
      rmSync(root, { recursive: true, force: true })
    },
  }
}

async function waitHealthy(url: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    try {
      const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1_000) })
      const body = (await response.json()) as { health?: string }
      if (body.health === 'true') return
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`etcd at ${url} did not become healthy`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0))
    })
  })
}
