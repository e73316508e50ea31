/** The in-process sequencer: orders admitted items into blocks. */
export interface Sequencer<T> {
  enqueue(items: readonly T[]): void
  /** Items queued, not yet in a block. */
  readonly queued: number
  /** Cuts blocks until the queue is empty. */
  flush(): void
}

/** Parameters of `createSequencer`. */
export interface CreateSequencerParameters<T> {
  maxBlockSize: number
  blockIntervalMs: number
  /** Executes and durably commits one block (synchronously). */
  commit(items: T[]): void
}

/**
 * Group commit: a block is cut as soon as `maxBlockSize` items wait, or
 * `blockIntervalMs` after the first item of a block arrived. Commits are
 * synchronous SQLite transactions; while one runs, the signature workers keep
 * verifying, so the next block accumulates meanwhile and is cut right after.
 *
 * @example const seq = createSequencer({ maxBlockSize: 1000, blockIntervalMs: 2, commit })
 */
export function createSequencer<T>(p: CreateSequencerParameters<T>): Sequencer<T> {
  let queue: T[] = []
  let timer: NodeJS.Timeout | undefined
  let immediate: NodeJS.Immediate | undefined
  const cut = () => {
    clearTimeout(timer)
    timer = undefined
    immediate = undefined
    if (queue.length === 0) return
    const block = queue.length <= p.maxBlockSize ? queue : queue.slice(0, p.maxBlockSize)
    queue = block === queue ? [] : queue.slice(p.maxBlockSize)
    p.commit(block)
    schedule()
  }
  const schedule = () => {
    if (queue.length === 0 || immediate !== undefined) return
    if (queue.length >= p.maxBlockSize) {
      clearTimeout(timer)
      timer = undefined
      immediate = setImmediate(cut)
    } else if (timer === undefined) {
      timer = setTimeout(cut, p.blockIntervalMs)
    }
  }
  return {
    enqueue(items) {
      for (const item of items) queue.push(item)
      schedule()
    },
    get queued() {
      return queue.length
    },
    flush() {
      while (queue.length > 0) cut()
    },
  }
}
