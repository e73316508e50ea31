import type { AlterationReport } from './alteration.js'
import type { LogPassResult, LogScrubBudget } from './createLogScrubber.js'
import type { NoteKeys } from './createNoteVerifier.js'
import type { StateScanResult } from './createStateScrubber.js'

/** What the worker is started with. */
export interface ScrubberWorkerData extends LogScrubBudget {
  path: string
  intervalMs: number
  noteKeys: NoteKeys | undefined
  stateRowsPerSlice: number
  stateCpuShare: number
}

/** What the worker tells the main thread. */
export type ScrubberMessage =
  | { type: 'pass'; result: LogPassResult; ms: number }
  | { type: 'scanStarted'; treeSize: number }
  | { type: 'state'; result: StateScanResult; ms: number }
  | { type: 'altered'; report: AlterationReport }
  | { type: 'error'; message: string }
  | { type: 'stopped' }
