import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Genesis } from '@tabularium/protocol'
import { createDevnet } from '../devnet/createDevnet.js'
import { type DevnetState, devnetPaths, etcdUrl, nodeUrl } from '../devnet/devnetState.js'
import {
  findEtcdBinary,
  findEtcdLeader,
  isEtcdRunning,
  startEtcdMember,
  waitEtcdHealthy,
} from '../devnet/etcdMembers.js'
import {
  isNodeRunning,
  type StartDevnetNodeParameters,
  startDevnetNode,
  waitNodeReady,
} from '../devnet/nodeProcesses.js'
import { startDevnet } from '../devnet/startDevnet.js'
import { stopProcess } from '../devnet/stopProcess.js'
import { loadPrivateKey } from '../lib/loadPrivateKey.js'
import type { WorkloadTarget } from './notaryWorkload.js'

/** A devnet in a temporary directory, driven by a test or a benchmark. */
export interface TestNetwork {
  dir: string
  state: DevnetState
  genesis: Genesis
  /** Per node: its URL and its organisation's signing key. */
  targets: WorkloadTarget[]
  etcdUrls: string[]
  /** The SQLite file of node `index`. */
  ledgerPath(index: number): string
  /** The index of the etcd leader. */
  etcdLeader(): Promise<number>
  /** Stops a process: `graceMs` 0 is a kill -9. */
  stopEtcd(index: number, graceMs?: number): Promise<void>
  startEtcd(index: number): Promise<void>
  stopNode(index: number, graceMs?: number): Promise<void>
  startNode(index: number): Promise<void>
  /** Kills every process and deletes the directory (unless `keepDir`: its logs then stay for a post-mortem). */
  close(options?: { keepDir?: boolean }): Promise<void>
}

/** Parameters of `startTestNetwork`. */
export interface StartTestNetworkParameters {
  organisations?: number
  logLevel?: StartDevnetNodeParameters['logLevel']
  /** Per node: other etcd endpoints (a proxy), more environment. */
  nodeOptions?: (index: number) => Pick<StartDevnetNodeParameters, 'etcdEndpoints' | 'env' | 'nodeFlags'>
  /** Called with the new devnet's state before anything starts (to set up proxies to its etcd ports). */
  prepare?: (state: DevnetState) => Promise<void>
}

/**
 * Creates a devnet in a temporary directory and starts it with the same
 * library as `tabularium devnet up`, its processes attached to this one.
 * Every process is killed by `close()`, and — should the caller exit or be
 * stopped by SIGINT/SIGTERM first — by hooks.
 *
 * @example const net = await startTestNetwork(); try { … } finally { await net.close() }
 */
export async function startTestNetwork(p: StartTestNetworkParameters = {}): Promise<TestNetwork> {
  const work = mkdtempSync(join(tmpdir(), 'tabularium-network-'))
  const dir = join(work, 'devnet')
  const created = await createDevnet({ dir, organisations: p.organisations ?? 3 })
  const paths = devnetPaths(dir)
  let state = created
  const killAll = () => {
    for (const [i, m] of state.etcd.entries())
      if (isEtcdRunning(dir, state, i)) process.kill(m.pid as number, 'SIGKILL')
    for (const [i, n] of state.nodes.entries())
      if (isNodeRunning(dir, state, i)) process.kill(n.pid as number, 'SIGKILL')
  }
  // Killed by a signal, this process would leave its children running.
  const onSignal = (signal: NodeJS.Signals) => {
    killAll()
    process.kill(process.pid, signal)
  }
  const hooks = () => {
    process.off('exit', killAll)
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
  }
  process.once('exit', killAll)
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
  const logLevel = p.logLevel ?? 'warn'
  const nodeOptions = (i: number) => ({ logLevel, ...p.nodeOptions?.(i) })
  const binary = findEtcdBinary()
  try {
    await p.prepare?.(created)
    state = (
      await startDevnet({ dir, etcdBinary: binary, logLevel, ...(p.nodeOptions ? { nodeOptions: p.nodeOptions } : {}) })
    ).state
  } catch (error) {
    killAll()
    hooks()
    rmSync(work, { recursive: true, force: true })
    throw error
  }
  const genesis = JSON.parse(readFileSync(paths.genesis, 'utf8')) as Genesis
  const targets = await Promise.all(
    state.nodes.map(async (n) => {
      const { did, privateJwk } = await loadPrivateKey({ path: paths.key(n.id) })
      return { url: nodeUrl(n), did, privateJwk }
    }),
  )
  const etcdUrls = state.etcd.map(etcdUrl)
  return {
    dir,
    state,
    genesis,
    targets,
    etcdUrls,
    ledgerPath: (i) => join(paths.nodeDir((state.nodes[i] as DevnetState['nodes'][number]).id), 'ledger.sqlite'),
    etcdLeader: () => findEtcdLeader(etcdUrls),
    async stopEtcd(i, graceMs = 0) {
      const member = state.etcd[i] as DevnetState['etcd'][number]
      await stopProcess({ pid: member.pid, marker: paths.etcdDir(member.name), graceMs })
    },
    async startEtcd(i) {
      startEtcdMember({ dir, state, index: i, binary })
      await waitEtcdHealthy({ url: etcdUrls[i] as string, alive: () => isEtcdRunning(dir, state, i) })
    },
    async stopNode(i, graceMs = 0) {
      const node = state.nodes[i] as DevnetState['nodes'][number]
      await stopProcess({ pid: node.pid, marker: paths.nodeDir(node.id), graceMs })
    },
    async startNode(i) {
      startDevnetNode({ dir, state, index: i, ...nodeOptions(i) })
      await waitNodeReady({ url: targets[i]?.url as string, alive: () => isNodeRunning(dir, state, i) })
    },
    async close({ keepDir = false } = {}) {
      killAll()
      const stops = [
        ...state.nodes.map((n) => stopProcess({ pid: n.pid, marker: paths.nodeDir(n.id), graceMs: 0 })),
        ...state.etcd.map((m) => stopProcess({ pid: m.pid, marker: paths.etcdDir(m.name), graceMs: 0 })),
      ]
      await Promise.all(stops)
      hooks()
      if (!keepDir) rmSync(work, { recursive: true, force: true })
    },
  }
}
