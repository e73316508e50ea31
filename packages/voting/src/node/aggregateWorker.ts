import { parentPort, workerData } from 'node:worker_threads'
import { sumPackedSlots } from '../tally/aggregatePacked.js'

// One worker of aggregateParallel: sums its range and posts the affine sums
// as hex strings (bigints do not cross threads), or the error.
const { bytes, options, start, end } = workerData as { bytes: Uint8Array; options: number; start: number; end: number }
try {
  const slots = sumPackedSlots({ bytes, options, start, end })
  parentPort?.postMessage({
    slots: slots.map((s) => (s === null ? ['', ''] : [`0x${s.x.toString(16)}`, `0x${s.y.toString(16)}`])),
  })
} catch (error) {
  const e = error as { code?: string; message?: string }
  parentPort?.postMessage({ error: { code: e.code ?? 'MALFORMED_INPUT', message: e.message ?? String(error) } })
}
