import type { ChildProcess } from 'node:child_process'
import { accessSync, constants } from 'node:fs'
import { delimiter, join } from 'node:path'
import { type EtcdMemberSpec, etcdMemberArgs } from '@tabularium/ledger'
import { CliError } from '../cliError.js'
import { type DevnetState, devnetPaths, etcdUrl } from './devnetState.js'
import { isProcessAlive } from './processAlive.js'
import { spawnLogged } from './spawnLogged.js'
import { waitUntil } from './waitUntil.js'

/**
 * The machine's `etcd` (Debian's `etcd-server`), found on PATH.
 *
 * @example const etcd = findEtcdBinary() // '/usr/bin/etcd'
 */
export function findEtcdBinary({ path = process.env.PATH ?? '' }: { path?: string } = {}): string {
  for (const dir of path.split(delimiter)) {
    if (dir === '') continue
    const candidate = join(dir, 'etcd')
    try {
      accessSync(candidate, constants.X_OK)
      return candidate
    } catch {
      // not here
    }
  }
  throw new CliError('ETCD_NOT_FOUND', 'etcd is not installed: apt-get install etcd-server (3.4 or later)')
}

/** The members as `etcdMemberArgs` takes them. */
export function etcdSpecs(dir: string, state: DevnetState): EtcdMemberSpec[] {
  const paths = devnetPaths(dir)
  return state.etcd.map((m) => ({
    name: m.name,
    dataDir: paths.etcdDir(m.name),
    clientUrl: etcdUrl(m),
    peerUrl: `http://127.0.0.1:${m.peerPort}`,
  }))
}

/**
 * Starts etcd member `index` of the devnet on its data directory (a restart
 * rejoins with its stored data) and records its pid in `state`.
 *
 * @example const child = startEtcdMember({ dir, state, index: 0, binary: findEtcdBinary() })
 */
export function startEtcdMember(p: {
  dir: string
  state: DevnetState
  index: number
  binary: string
  detached?: boolean
}): ChildProcess {
  const specs = etcdSpecs(p.dir, p.state)
  const member = specs[p.index] as EtcdMemberSpec
  const child = spawnLogged({
    command: p.binary,
    args: etcdMemberArgs({ member, cluster: specs, token: p.state.token, logLevel: 'warn' }),
    logFile: devnetPaths(p.dir).log(`etcd-${member.name}`),
    detached: p.detached ?? false,
  })
  ;(p.state.etcd[p.index] as DevnetState['etcd'][number]).pid = child.pid ?? null
  return child
}

/** True when the member's process is ours and alive (see `isProcessAlive`). */
export function isEtcdRunning(dir: string, state: DevnetState, index: number): boolean {
  const member = state.etcd[index] as DevnetState['etcd'][number]
  return isProcessAlive({ pid: member.pid, marker: devnetPaths(dir).etcdDir(member.name) })
}

/** What a member says of itself: healthy (the cluster has a leader) and whether it is the leader. */
export async function etcdMemberStatus(url: string): Promise<{ healthy: boolean; leader: boolean }> {
  const health = await getJson<{ health?: string }>(`${url}/health`).catch(() => undefined)
  const status = await postJson<{ header?: { member_id?: string }; leader?: string }>(
    `${url}/v3/maintenance/status`,
    {},
  ).catch(() => undefined)
  return {
    healthy: health?.health === 'true',
    leader: status?.leader !== undefined && status.leader === status.header?.member_id,
  }
}

/**
 * The index of the current leader, asking each member's
 * `/v3/maintenance/status` (its own id and the leader's); waits through an
 * election.
 *
 * @example const leader = await findEtcdLeader(state.etcd.map(etcdUrl))
 */
export function findEtcdLeader(urls: readonly string[], timeoutMs = 15_000): Promise<number> {
  return waitUntil({
    what: 'an etcd leader',
    timeoutMs,
    check: async () => {
      const statuses = await Promise.all(urls.map((url) => etcdMemberStatus(url)))
      const index = statuses.findIndex((s) => s.leader)
      return index >= 0 ? index : undefined
    },
  })
}

/** Waits until the member answers `/health` true; fails early if its process is gone. */
export function waitEtcdHealthy(p: { url: string; timeoutMs?: number; alive?: () => boolean }): Promise<true> {
  return waitUntil({
    what: `etcd at ${p.url} to become healthy`,
    timeoutMs: p.timeoutMs ?? 20_000,
    check: async () => ((await etcdMemberStatus(p.url)).healthy ? true : undefined),
    abort: () => (p.alive === undefined || p.alive() ? undefined : 'the etcd process exited'),
  })
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { signal: AbortSignal.timeout(1_000) })
  return (await response.json()) as T
}

async function postJson<T>(url: string, body: unknown): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(1_000),
  })
  return (await response.json()) as T
}
