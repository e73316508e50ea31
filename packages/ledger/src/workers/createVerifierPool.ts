import { Worker } from 'node:worker_threads'
import { packBatch, type VerifyItem, verifyPacked } from './verifyPacked.js'

/** Verifies signatures off the main thread. */
export interface VerifierPool {
  /** Resolves with one flag per item, true when its signature verifies. */
  verify(items: readonly VerifyItem[]): Promise<boolean[]>
  close(): Promise<void>
}

interface Slot {
  worker: Worker
  pending: Map<number, { resolve(results: Uint8Array): void; reject(error: unknown): void; size: number }>
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
  const send = (slot: Slot, items: readonly VerifyItem[]) =>
    new Promise<Uint8Array>((resolve, reject) => {
      const id = nextId++
      slot.pending.set(id, { resolve, reject, size: items.length })
      if (slot.load === 0) slot.worker.ref()
      slot.load += items.length
      const batch = packBatch(items)
      slot.worker.postMessage({ id, batch }, [
        batch.bytes.buffer as ArrayBuffer,
        batch.bounds.buffer as ArrayBuffer,
        batch.keyIndex.buffer as ArrayBuffer,
      ])
    })
  return {
    async verify(items) {
      if (items.length === 0) return []
      const parts = split(items, items.length < MIN_SPLIT ? 1 : slots.length)
      const ordered = [...slots].sort((a, b) => a.load - b.load)
      const results = await Promise.all(parts.map((part, i) => send(ordered[i] as Slot, part)))
      return results.flatMap((part) => [...part].map((flag) => flag === 1))
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
  worker.on('message', ({ id, results }: { id: number; results: Uint8Array }) => {
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
