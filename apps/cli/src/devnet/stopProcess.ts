import { isProcessAlive } from './processAlive.js'
import { waitUntil } from './waitUntil.js'

/** Parameters of `stopProcess`. */
export interface StopProcessParameters {
  pid: number | null
  /** A string of its command line (see `isProcessAlive`): only our own process is signalled. */
  marker: string
  /** How long SIGTERM may take before SIGKILL. 0: SIGKILL at once (a crash, as in fault tests). */
  graceMs?: number
}

/**
 * Stops a process we started: SIGTERM (a node drains and closes its ledger,
 * etcd leaves cleanly), then SIGKILL if it is still there after `graceMs`.
 * Resolves once it is gone; answers how it ended.
 *
 * @example await stopProcess({ pid: state.nodes[0].pid, marker: nodeDir, graceMs: 10_000 })
 */
export async function stopProcess({
  pid,
  marker,
  graceMs = 10_000,
}: StopProcessParameters): Promise<'not-running' | 'stopped' | 'killed'> {
  if (pid === null || !isProcessAlive({ pid, marker })) return 'not-running'
  const gone = () => (isProcessAlive({ pid, marker }) ? undefined : true)
  if (graceMs > 0) {
    signal(pid, 'SIGTERM')
    try {
      await waitUntil({ what: `process ${pid} to stop`, check: gone, timeoutMs: graceMs, intervalMs: 50 })
      return 'stopped'
    } catch {
      // still there: kill it
    }
  }
  signal(pid, 'SIGKILL')
  await waitUntil({ what: `process ${pid} to die`, check: gone, timeoutMs: 10_000, intervalMs: 20 })
  return 'killed'
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name)
  } catch {
    // gone in the meantime
  }
}
