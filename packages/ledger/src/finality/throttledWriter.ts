/** Writes the latest of a stream of values at most every `everyMs`: the first at once, the last on a timer. */
export interface ThrottledWriter<T> {
  offer(value: T): void
  /** Writes what is pending now. */
  flush(): void
  /** Writes what is pending and stops the timer. */
  close(): void
}

/**
 * Rate-limits writes whose only the latest value matters (each one an fsync
 * of its own, outside the blocks' transactions).
 *
 * @example const writer = throttledWriter({ write: (final) => store.add(final), everyMs: 1000 }); writer.offer(final)
 */
export function throttledWriter<T>(p: {
  write(value: T): void
  everyMs: number
  clock?: () => number
}): ThrottledWriter<T> {
  const clock = p.clock ?? Date.now
  let pending: { value: T } | undefined
  let writtenAt = Number.NEGATIVE_INFINITY
  const flush = () => {
    if (pending === undefined) return
    const { value } = pending
    pending = undefined
    writtenAt = clock()
    p.write(value)
  }
  const timer = setInterval(flush, p.everyMs)
  timer.unref()
  return {
    offer(value) {
      pending = { value }
      if (clock() - writtenAt >= p.everyMs) flush()
    },
    flush,
    close() {
      clearInterval(timer)
      flush()
    },
  }
}
