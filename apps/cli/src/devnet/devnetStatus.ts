import { type DevnetState, etcdUrl, nodeUrl, readDevnetState } from './devnetState.js'
import { etcdMemberStatus, isEtcdRunning } from './etcdMembers.js'
import { isNodeRunning, nodeReadiness } from './nodeProcesses.js'

/** One process of a devnet, as `devnet status` shows it. */
export interface DevnetProcessStatus {
  name: string
  kind: 'etcd' | 'node'
  pid: number | null
  running: boolean
  url: string
  /** etcd: healthy (the cluster has a leader); node: ready (serves writes). */
  healthy: boolean
  /** etcd: whether it leads; node: tree size, or why it is not ready. */
  detail: string
}

/**
 * The health of every process of a devnet: its pid is alive, and it answers
 * (`/health` and `/v3/maintenance/status` for etcd, `/readyz` for nodes).
 *
 * @example const { state, processes } = await devnetStatus({ dir: 'devnet' })
 */
export async function devnetStatus({
  dir,
}: {
  dir: string
}): Promise<{ state: DevnetState; processes: DevnetProcessStatus[] } | undefined> {
  const state = await readDevnetState(dir)
  if (state === undefined) return undefined
  const etcd = state.etcd.map(async (m, i): Promise<DevnetProcessStatus> => {
    const running = isEtcdRunning(dir, state, i)
    const url = etcdUrl(m)
    const status = running ? await etcdMemberStatus(url) : { healthy: false, leader: false }
    const detail = !running ? 'stopped' : status.leader ? 'leader' : status.healthy ? 'follower' : 'no leader'
    return {
      name: `etcd-${m.name}`,
      kind: 'etcd',
      pid: running ? m.pid : null,
      running,
      url,
      healthy: status.healthy,
      detail,
    }
  })
  const nodes = state.nodes.map(async (n, i): Promise<DevnetProcessStatus> => {
    const running = isNodeRunning(dir, state, i)
    const url = nodeUrl(n)
    const base = { name: n.id, kind: 'node' as const, pid: running ? n.pid : null, running, url }
    if (!running) return { ...base, healthy: false, detail: 'stopped' }
    try {
      const r = await nodeReadiness(url)
      return { ...base, healthy: r.ready, detail: describeReadiness(r.body) }
    } catch (error) {
      return { ...base, healthy: false, detail: `not answering (${(error as Error).message})` }
    }
  })
  return { state, processes: await Promise.all([...etcd, ...nodes]) }
}

function describeReadiness(body: unknown): string {
  const b = body as { treeSize?: number; error?: { code?: string; message?: string } } | undefined
  if (b?.error !== undefined) return `${b.error.code ?? 'ERROR'}: ${b.error.message ?? ''}`
  return b?.treeSize === undefined ? 'ready' : `ready, tree size ${b.treeSize}`
}
