import { type DevnetState, devnetPaths, etcdUrl, readDevnetState, writeDevnetState } from './devnetState.js'
import { etcdMemberStatus } from './etcdMembers.js'
import { stopProcess } from './stopProcess.js'

/** How each process of a devnet ended. */
export type StopDevnetResult = { name: string; pid: number | null; outcome: 'not-running' | 'stopped' | 'killed' }[]

/**
 * Stops a devnet: the nodes first (SIGTERM: each drains and closes its
 * ledger), then the etcd members, each killed if it does not end within
 * `graceMs` (etcd members one by one, the leader last). Only processes whose command line names their devnet data
 * directory are signalled. Pids are cleared in `devnet.json`.
 *
 * @example await stopDevnet({ dir: 'devnet' })
 */
export async function stopDevnet({
  dir,
  graceMs = 15_000,
}: {
  dir: string
  graceMs?: number
}): Promise<StopDevnetResult> {
  const state = await readDevnetState(dir)
  if (state === undefined) return []
  const paths = devnetPaths(dir)
  const stop = async (name: string, holder: { pid: number | null }, marker: string) => {
    const pid = holder.pid
    const outcome = await stopProcess({ pid, marker, graceMs })
    holder.pid = null
    return { name, pid, outcome }
  }
  const nodes = await Promise.all(state.nodes.map((n) => stop(n.id, n, paths.nodeDir(n.id))))
  // One at a time, the leader last: members stopped together stall for
  // seconds, each trying to hand leadership to another that is leaving.
  const leaders = await Promise.all(state.etcd.map(async (m) => (await etcdMemberStatus(etcdUrl(m))).leader))
  const etcd = []
  for (const [i, m] of state.etcd.entries()) {
    if (!leaders[i]) etcd.push(await stop(`etcd-${m.name}`, m, paths.etcdDir(m.name)))
  }
  for (const [i, m] of state.etcd.entries()) {
    if (leaders[i]) etcd.push(await stop(`etcd-${m.name}`, m, paths.etcdDir(m.name)))
  }
  await writeDevnetState(dir, state satisfies DevnetState)
  return [...nodes, ...etcd]
}
