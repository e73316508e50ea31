import { Worker } from 'node:worker_threads'
import type { AlterationReport } from './alteration.js'
import type { LogPassResult } from './createLogScrubber.js'
import type { NoteKeys } from './createNoteVerifier.js'
import type { StateScanResult } from './createStateScrubber.js'
import type { ScrubberMessage, ScrubberWorkerData } from './scrubberMessages.js'

/** Parameters of `startIntegrityScrubber`. */
export interface StartIntegrityScrubberParameters {
  /** The ledger file (on disk, in WAL mode: the node has it open). */
  path: string
  /** Called once, with the first alteration found; the scrubber then stops checking. */
  onAltered(report: AlterationReport): void
  /** Failures that are not alterations (a bug, the file gone); the next pass retries. */
  onError?(error: Error): void
  /** Time between log passes; default 1000. */
  intervalMs?: number
  /**
   * The state sum this process wrote for a tree size (`store.state.commitment.sumAt`):
   * compared with the sum stored in the file, so that someone who rewrites the
   * `meta` row along with the state is caught too.
   */
  expectedStateSum?(treeSize: number): string | undefined
  /** The keys checkpoint notes are signed with; default: the genesis members' keys. */
  noteKeys?: NoteKeys
  /** Entries the cycle over the whole log checks per pass; default 256 (3–6 ms, README: Integrity). */
  leavesPerPass?: number
  /** Entries appended since the last pass checked per pass at most; default 4096 (the rest next pass). */
  newLeavesPerPass?: number
  /** Old checkpoint notes whose signatures are verified per pass; default 4. */
  notesPerPass?: number
  /** State rows summed per step of a state scan (steps run back to back); default 20,000. */
  stateRowsPerSlice?: number
  /** The share of one core state scans may use on average (they are spaced accordingly); default 0.005. */
  stateCpuShare?: number
}

/** Where the scrubber stands. */
export interface IntegrityProgress {
  passes: number
  /** The last log pass, and how long it took. */
  log: (LogPassResult & { ms: number }) | undefined
  stateScans: number
  /** The last complete state scan, and the CPU time it took. */
  state: (StateScanResult & { ms: number }) | undefined
  altered: AlterationReport | undefined
}

/** A running integrity scrubber. */
export interface IntegrityScrubber {
  lastPass(): IntegrityProgress
  /** Stops the worker and closes its connections. */
  stop(): Promise<void>
}

/**
 * Starts the continuous integrity check of a ledger file in a worker thread
 * (see README, Integrity): every `intervalMs` a pass over the newest entries
 * and a slice of the whole log (leaves, tree, checkpoints, events), and, paced
 * to `stateCpuShare` of a core, a recomputation of the state sum.
 *
 * @example
 * const scrubber = startIntegrityScrubber({ path, onAltered: (report) => health.halt('altered', report.message, report) })
 * await scrubber.stop()
 */
export function startIntegrityScrubber(p: StartIntegrityScrubberParameters): IntegrityScrubber {
  const data: ScrubberWorkerData = {
    path: p.path,
    intervalMs: p.intervalMs ?? 1000,
    noteKeys: p.noteKeys,
    leavesPerPass: p.leavesPerPass ?? 256,
    newLeavesPerPass: p.newLeavesPerPass ?? 4096,
    notesPerPass: p.notesPerPass ?? 4,
    stateRowsPerSlice: p.stateRowsPerSlice ?? 20_000,
    stateCpuShare: p.stateCpuShare ?? 0.005,
  }
  const worker = new Worker(new URL('./integrityWorker.js', import.meta.url), { workerData: data })
  worker.unref()
  const progress: IntegrityProgress = { passes: 0, log: undefined, stateScans: 0, state: undefined, altered: undefined }
  const altered = (report: AlterationReport) => {
    if (progress.altered !== undefined) return
    progress.altered = report
    p.onAltered(report)
  }
  // The sum this process wrote is looked up as a scan starts, while that
  // size is still among the recent ones it remembers.
  let expected: { treeSize: number; sum: string | undefined } | undefined
  worker.on('message', (message: ScrubberMessage) => {
    if (message.type === 'scanStarted') {
      expected = { treeSize: message.treeSize, sum: p.expectedStateSum?.(message.treeSize) }
    } else if (message.type === 'pass') {
      progress.passes++
      progress.log = { ...message.result, ms: message.ms }
    } else if (message.type === 'state') {
      progress.stateScans++
      progress.state = { ...message.result, ms: message.ms }
      const mismatch = checkExpectedSum(message.result, expected)
      if (mismatch !== undefined) altered(mismatch)
    } else if (message.type === 'altered') altered(message.report)
    else if (message.type === 'error') p.onError?.(new Error(message.message))
  })
  worker.on('error', (error) => p.onError?.(error))
  let exited = false
  worker.once('exit', () => {
    exited = true
  })
  let stopped: Promise<void> | undefined
  return {
    lastPass: () => ({ ...progress }),
    stop() {
      stopped ??= (async () => {
        worker.ref()
        const done = new Promise<void>((resolve) => {
          if (exited) resolve()
          worker.on('message', (message: ScrubberMessage) => message.type === 'stopped' && resolve())
          worker.once('exit', () => resolve())
        })
        worker.postMessage('stop')
        await done
        await worker.terminate()
      })()
      return stopped
    },
  }
}

function checkExpectedSum(
  result: StateScanResult,
  expected: { treeSize: number; sum: string | undefined } | undefined,
): AlterationReport | undefined {
  if (expected?.sum === undefined || expected.treeSize !== result.treeSize || expected.sum === result.sum) {
    return undefined
  }
  return {
    code: 'LEDGER_ALTERED',
    table: 'meta',
    row: { key: 'integrity.stateSum' },
    column: 'value',
    expected: expected.sum,
    found: result.sum,
    message: `the state sum stored at size ${result.treeSize} (and the table, which adds up to it) is not the one this node wrote`,
  }
}
