import { CliError } from '../cliError.js'
import { type DevnetState, devnetPaths, etcdUrl, nodeUrl, readDevnetState, writeDevnetState } from './devnetState.js'
import { findEtcdBinary, isEtcdRunning, startEtcdMember, waitEtcdHealthy } from './etcdMembers.js'
import { isPortFree } from './freePort.js'
import { logTail } from './logTail.js'
import { isNodeRunning, type StartDevnetNodeParameters, startDevnetNode, waitNodeReady } from './nodeProcesses.js'
import { stopProcess } from './stopProcess.js'

/** Parameters of `startDevnet`. */
export interface StartDevnetParameters {
  dir: string
  /** Processes outlive the caller (`devnet up`); tests keep them attached. */
  detached?: boolean
  /** The etcd binary; default the one on PATH. */
  etcdBinary?: string
  logLevel?: StartDevnetNodeParameters['logLevel']
  /** Per node: other etcd endpoints (a proxy), more environment. */
  nodeOptions?: (index: number) => Pick<StartDevnetNodeParameters, 'etcdEndpoints' | 'env' | 'nodeFlags'>
  timeoutMs?: number
}

/** What `startDevnet` did. */
export interface StartDevnetResult {
  state: DevnetState
  /** Names of the processes this call started (empty: everything was running already). */
  started: string[]
}

/**
 * Starts whatever of a devnet is not running — the etcd members, then the
 * nodes — and waits until every member is healthy and every node ready.
 * Pids go to `devnet.json` as soon as they exist, so `stopDevnet` can always
 * clean up. If something does not come up, what this call started is
 * stopped again and the error quotes that process's log.
 *
 * @example const { state, started } = await startDevnet({ dir: 'devnet', detached: true })
 */
export async function startDevnet(p: StartDevnetParameters): Promise<StartDevnetResult> {
  const { dir, detached = false, timeoutMs = 60_000 } = p
  const state = await readDevnetState(dir)
  if (state === undefined) throw new CliError('FILE_NOT_FOUND', `${dir} holds no devnet (no devnet.json)`)
  const paths = devnetPaths(dir)
  const started: { name: string; pid: number | null; marker: string; log: string }[] = []
  try {
    const etcdToStart = state.etcd.flatMap((_, i) => (isEtcdRunning(dir, state, i) ? [] : [i]))
    const binary = etcdToStart.length === 0 ? '' : (p.etcdBinary ?? findEtcdBinary())
    for (const i of etcdToStart) {
      const member = state.etcd[i] as DevnetState['etcd'][number]
      await assertPortsFree(`etcd member ${member.name}`, [member.clientPort, member.peerPort])
      startEtcdMember({ dir, state, index: i, binary, detached })
      const log = paths.log(`etcd-${member.name}`)
      started.push({ name: `etcd-${member.name}`, pid: member.pid, marker: paths.etcdDir(member.name), log })
    }
    await writeDevnetState(dir, state)
    await Promise.all(
      state.etcd.map((member, i) =>
        waitOrExplain(paths.log(`etcd-${member.name}`), () =>
          waitEtcdHealthy({ url: etcdUrl(member), timeoutMs, alive: () => isEtcdRunning(dir, state, i) }),
        ),
      ),
    )
    for (const [i, node] of state.nodes.entries()) {
      if (isNodeRunning(dir, state, i)) continue
      await assertPortsFree(`node ${node.id}`, [node.port])
      startDevnetNode({
        dir,
        state,
        index: i,
        detached,
        ...(p.logLevel ? { logLevel: p.logLevel } : {}),
        ...p.nodeOptions?.(i),
      })
      started.push({ name: node.id, pid: node.pid, marker: paths.nodeDir(node.id), log: paths.log(node.id) })
    }
    await writeDevnetState(dir, state)
    await Promise.all(
      state.nodes.map((node, i) =>
        waitOrExplain(paths.log(node.id), () =>
          waitNodeReady({ url: nodeUrl(node), timeoutMs, alive: () => isNodeRunning(dir, state, i) }),
        ),
      ),
    )
  } catch (error) {
    for (const s of started.reverse()) await stopProcess({ pid: s.pid, marker: s.marker, graceMs: 5_000 })
    for (const m of state.etcd) if (started.some((s) => s.pid === m.pid)) m.pid = null
    for (const n of state.nodes) if (started.some((s) => s.pid === n.pid)) n.pid = null
    await writeDevnetState(dir, state)
    throw error
  }
  return { state, started: started.map((s) => s.name) }
}

async function assertPortsFree(what: string, ports: number[]): Promise<void> {
  for (const port of ports) {
    if (!(await isPortFree(port))) {
      throw new CliError(
        'DEVNET_FAILED',
        `cannot start ${what}: port ${port} on 127.0.0.1 is in use by another program`,
      )
    }
  }
}

async function waitOrExplain(log: string, wait: () => Promise<unknown>): Promise<void> {
  try {
    await wait()
  } catch (cause) {
    const tail = logTail(log, 15)
    throw new CliError('DEVNET_FAILED', `${(cause as Error).message}; see ${log}${tail ? `:\n${tail}` : ''}`, { cause })
  }
}
