import type { ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { type DevnetNode, type DevnetState, devnetPaths } from './devnetState.js'
import { isProcessAlive } from './processAlive.js'
import { spawnLogged } from './spawnLogged.js'
import { waitUntil } from './waitUntil.js'

/** The built `tabularium` entry point that devnet nodes run. */
export const CLI_ENTRY = fileURLToPath(new URL('../main.js', import.meta.url))

/** Parameters of `startDevnetNode`. */
export interface StartDevnetNodeParameters {
  dir: string
  state: DevnetState
  index: number
  detached?: boolean
  /** Overrides the node's etcd endpoints (a fault test puts a proxy in between). */
  etcdEndpoints?: readonly string[]
  logLevel?: 'fatal' | 'error' | 'warn' | 'info' | 'debug'
  /** More `TABULARIUM_*` settings (see apps/node README). */
  env?: Record<string, string>
  /** Flags of node itself, e.g. `--cpu-prof` to profile a node. */
  nodeFlags?: readonly string[]
}

/**
 * Starts node `index` as `tabularium node start` with `orderer: etcd`, on
 * its own data directory and port (127.0.0.1 only), logs appended to
 * `logs/<id>.log`, and records its pid in `state`.
 *
 * @example startDevnetNode({ dir, state, index: 0, detached: true })
 */
export function startDevnetNode(p: StartDevnetNodeParameters): ChildProcess {
  const node = p.state.nodes[p.index] as DevnetNode
  const paths = devnetPaths(p.dir)
  const args = [
    ...(p.nodeFlags ?? []),
    CLI_ENTRY,
    'node',
    'start',
    '--dir',
    paths.nodeDir(node.id),
    '--host',
    '127.0.0.1',
  ]
  args.push('--port', String(node.port), '--log-level', p.logLevel ?? 'info')
  const child = spawnLogged({
    command: process.execPath,
    args,
    logFile: paths.log(node.id),
    detached: p.detached ?? false,
    env: {
      ...process.env,
      TABULARIUM_ORDERER: 'etcd',
      TABULARIUM_ETCD_ENDPOINTS: (p.etcdEndpoints ?? node.etcdEndpoints).join(','),
      ...p.env,
    },
  })
  node.pid = child.pid ?? null
  return child
}

/** True when the node's process is ours and alive. */
export function isNodeRunning(dir: string, state: DevnetState, index: number): boolean {
  const node = state.nodes[index] as DevnetNode
  return isProcessAlive({ pid: node.pid, marker: devnetPaths(dir).nodeDir(node.id) })
}

/** A node's `/readyz`: 200 when it serves writes; 503 with the reason when it stopped (or diverged). */
export async function nodeReadiness(url: string): Promise<{ ready: boolean; status: number; body: unknown }> {
  const response = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2_000) })
  const body = (await response.json().catch(() => undefined)) as unknown
  return { ready: response.status === 200, status: response.status, body }
}

/** Waits until `/readyz` answers 200; fails early when the process exits. */
export function waitNodeReady(p: { url: string; timeoutMs?: number; alive?: () => boolean }): Promise<true> {
  return waitUntil({
    what: `the node at ${p.url} to be ready`,
    timeoutMs: p.timeoutMs ?? 60_000,
    check: async () => ((await nodeReadiness(p.url)).ready ? true : undefined),
    abort: () => (p.alive === undefined || p.alive() ? undefined : 'the node process exited'),
  })
}
