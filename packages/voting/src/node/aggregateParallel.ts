import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import type { Ciphertext } from '../election/ciphertext.js'
import { VotingError } from '../errors.js'
import { type AffineSum, packedBallotBytes, slotsToTally } from '../tally/aggregatePacked.js'

/**
 * `aggregatePacked` spread over worker threads: each sums a contiguous range
 * of ballots (points validated as they are read) and the partial sums are
 * added at the end. The bytes are shared with the workers, not copied, when
 * they already live in a SharedArrayBuffer.
 *
 * @example const tally = await aggregateParallel({ bytes, options: 4 })
 */
export async function aggregateParallel(params: {
  bytes: Uint8Array
  options: number
  workers?: number
}): Promise<Ciphertext[]> {
  const { options, workers = availableParallelism() } = params
  const bytes = shared(params.bytes)
  const size = packedBallotBytes(options)
  if (bytes.length % size !== 0) throw new VotingError('MALFORMED_INPUT', 'packed ballots have a partial ballot')
  const count = bytes.length / size
  const n = Math.max(1, Math.min(workers, count))
  const ranges = Array.from({ length: n }, (_, w) => [Math.floor((count * w) / n), Math.floor((count * (w + 1)) / n)])
  const parts = await Promise.all(
    ranges.map(([start, end]) => runWorker(bytes, options, start as number, end as number)),
  )
  return slotsToTally(parts, options)
}

function shared(bytes: Uint8Array): Uint8Array {
  if (bytes.buffer instanceof SharedArrayBuffer) return bytes
  const copy = new Uint8Array(new SharedArrayBuffer(bytes.length))
  copy.set(bytes)
  return copy
}

function runWorker(bytes: Uint8Array, options: number, start: number, end: number): Promise<AffineSum[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./aggregateWorker.js', import.meta.url), {
      workerData: { bytes, options, start, end },
    })
    worker.once('message', (message: { slots?: [string, string][]; error?: { code: string; message: string } }) => {
      void worker.terminate()
      if (message.error !== undefined) {
        reject(new VotingError('MALFORMED_INPUT', message.error.message))
        return
      }
      resolve((message.slots ?? []).map((s) => (s[0] === '' ? null : { x: BigInt(s[0]), y: BigInt(s[1]) })))
    })
    worker.once('error', reject)
  })
}
