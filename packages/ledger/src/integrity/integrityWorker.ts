import { parentPort, workerData } from 'node:worker_threads'
import { openDatabase } from '../store/openDatabase.js'
import { alterationOf } from './alteration.js'
import { createLogScrubber, type LogScrubber } from './createLogScrubber.js'
import { createStateScrubber } from './createStateScrubber.js'
import type { ScrubberMessage, ScrubberWorkerData } from './scrubberMessages.js'

// The integrity scrubber's thread (see startIntegrityScrubber). Two read-only
// connections: short read transactions for log passes, one long one per state
// scan; WAL gives each a consistent snapshot while the node writes.
const data = workerData as ScrubberWorkerData
const logDb = openDatabase({ path: data.path, readonly: true })
const stateDb = openDatabase({ path: data.path, readonly: true })
const post = (message: ScrubberMessage) => parentPort?.postMessage(message)
const state = createStateScrubber({
  db: stateDb,
  sliceRows: data.stateRowsPerSlice,
  onScanStart: (treeSize) => post({ type: 'scanStarted', treeSize }),
})
let log: LogScrubber | undefined
let passTimer: NodeJS.Timeout | undefined
let stateTimer: NodeJS.Timeout | undefined
let stateSlice: NodeJS.Immediate | undefined
let halted = false
let scanBusyMs = 0

function logPass(): void {
  const started = performance.now()
  try {
    log ??= createLogScrubber({ db: logDb, budget: data, noteKeys: data.noteKeys })
    post({ type: 'pass', result: log.pass(), ms: performance.now() - started })
  } catch (error) {
    fail(error)
  }
  if (!halted) passTimer = setTimeout(logPass, data.intervalMs)
}

// A scan runs its slices back to back (its snapshot is held until it ends),
// then waits long enough that scans use at most `stateCpuShare` of a core.
function stateStep(): void {
  const started = performance.now()
  try {
    const result = state.step()
    scanBusyMs += performance.now() - started
    if (result === undefined) {
      stateSlice = setImmediate(stateStep)
      return
    }
    post({ type: 'state', result, ms: scanBusyMs })
    const wait = Math.max(data.intervalMs, scanBusyMs / data.stateCpuShare)
    scanBusyMs = 0
    stateTimer = setTimeout(stateStep, wait)
  } catch (error) {
    scanBusyMs = 0
    fail(error)
    if (!halted) stateTimer = setTimeout(stateStep, data.intervalMs)
  }
}

function fail(error: unknown): void {
  const report = alterationOf(error)
  if (report === undefined) {
    post({ type: 'error', message: (error as Error)?.stack ?? String(error) })
    return
  }
  // One report is enough: the node stops writing, and so does the scrubber
  // (ending a scan in progress, whose snapshot would hold the WAL back).
  halted = true
  stopTimers()
  state.abort()
  post({ type: 'altered', report })
}

function stopTimers(): void {
  clearTimeout(passTimer)
  clearTimeout(stateTimer)
  clearImmediate(stateSlice)
}

parentPort?.on('message', (message: string) => {
  if (message !== 'stop') return
  halted = true
  stopTimers()
  state.abort()
  logDb.close()
  stateDb.close()
  post({ type: 'stopped' })
})

logPass()
stateStep()
