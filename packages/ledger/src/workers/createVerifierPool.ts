import { Worker } from 'node:worker_threads'
import type { Json } from '../module/defineModule.js'
import { packBatch, type VerifyItem, verifyPacked } from './verifyPacked.js'

/** Verifies signatures, and runs modules' prechecks, off the main thread. */
export interface VerifierPool {
  /** Resolves with one flag per item, true when its signature verifies. */
  verify(items: readonly VerifyItem[]): Promise<boolean[]>
  /**
   * Runs `runPrecheck(job)` of the module at `worker` for each job; resolves
   * with one answer per job, null where it threw. With no threads, nothing is
   * run ahead (all null): the actions then check inline.
   */
  precheck(worker: string, jobs: readonly Json[]): Promise<(Json | null)[]>
  close(): Promise<void>
}

interface Slot {
  worker: Worker
  pending: Map<number, { resolve(results: unknown): void; reject(error: unknown): void; size: number }>
  load: number
}

/** Below this many signatures a batch goes to one worker rather than being split. */
const MIN_SPLIT = 64

/**
 * A pool of worker threads verifying signatures with node:crypto. A batch is
 * split across the least loaded workers and packed into one transferred
 * buffer per worker. With `threads: 0` it verifies on the calling thread.
 * Idle workers are unref'd, so an idle pool never keeps a process alive.
 *
 * @example const pool = createVerifierPool({ threads: 2 }); await pool.verify(items)
 */
export function createVerifierPool({ threads }: { threads: number }): VerifierPool {
  if (threads <= 0) {
    return {
      verify: async (items) => [...verifyPacked(packBatch(items))].map((flag) => flag === 1),
      precheck: async (_worker, jobs) => jobs.map(() => null),
      close: async () => {},
    }
  }
  let nextId = 0
  let closing = false
  // A worker that dies fails its pending batches and is replaced, so one
  // crash costs those transactions an error, not the node its verifiers.
  const replace = (dead: Slot) => {
    const at = slots.indexOf(dead)
    if (!closing && at >= 0) slots[at] = startSlot(replace)
  }
  const slots: Slot[] = Array.from({ length: threads }, () => startSlot(replace))
  // Sends one message to a worker; `size` counts towards its load.
  const post = <T>(slot: Slot, size: number, message: Record<string, unknown>, transfer: ArrayBuffer[] = []) =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++
      slot.pending.set(id, { resolve: resolve as (results: unknown) => void, reject, size })
      if (slot.load === 0) slot.worker.ref()
      slot.load += size
      slot.worker.postMessage({ id, ...message }, transfer)
    })
  const send = (slot: Slot, items: readonly VerifyItem[]) => {
    const batch = packBatch(items)
    const buffers = [batch.bytes.buffer, batch.bounds.buffer, batch.keyIndex.buffer] as ArrayBuffer[]
    return post<Uint8Array>(slot, items.length, { batch }, buffers)
  }
  const leastLoaded = () => [...slots].sort((a, b) => a.load - b.load)
  return {
    async verify(items) {
      if (items.length === 0) return []
      const parts = split(items, items.length < MIN_SPLIT ? 1 : slots.length)
      const ordered = leastLoaded()
      const results = await Promise.all(parts.map((part, i) => send(ordered[i] as Slot, part)))
      return results.flatMap((part) => [...part].map((flag) => flag === 1))
    },
    async precheck(worker, jobs) {
      if (jobs.length === 0) return []
      // Prechecks are heavy (proofs), so even a few are spread over every worker.
      const parts = split(jobs, slots.length)
      const ordered = leastLoaded()
      const results = await Promise.all(
        parts.map((part, i) =>
          post<(Json | null)[]>(ordered[i] as Slot, part.length, { precheck: { worker, jobs: part } }),
        ),
      )
      return results.flat()
    },
    async close() {
      closing = true
      await Promise.all(slots.map((slot) => slot.worker.terminate()))
    },
  }
}

function startSlot(onExit: (slot: Slot) => void): Slot {
  const worker = new Worker(new URL('./verifierWorker.js', import.meta.url))
  const slot: Slot = { worker, pending: new Map(), load: 0 }
  worker.unref()
  worker.on('message', ({ id, results }: { id: number; results: unknown }) => {
    const request = slot.pending.get(id)
    if (request === undefined) return
    slot.pending.delete(id)
    slot.load -= request.size
    if (slot.load === 0) worker.unref()
    request.resolve(results)
  })
  worker.on('error', (error) => failAll(slot, error))
  worker.on('exit', () => {
    failAll(slot, new Error('signature worker exited'))
    onExit(slot)
  })
  return slot
}

function failAll(slot: Slot, error: unknown): void {
  for (const request of slot.pending.values()) request.reject(error)
  slot.pending.clear()
  slot.load = 0
}

function split<T>(items: readonly T[], parts: number): T[][] {
  const size = Math.ceil(items.length / parts)
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}
