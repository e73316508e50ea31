/**
 * Bounds how far a reader runs ahead of a sequential consumer. Given the
 * promise of each item's completion, in order, it answers a promise that
 * resolves once fewer than `limit` items are unfinished (already resolved
 * when they are; undefined for the first `limit - 1` items). The reader
 * awaits it before taking the next item, so at most `limit` items are ever
 * taken and not finished.
 *
 * It relies on the items finishing in order (one chain): once the item
 * `limit - 1` places back has finished, so has every one before it.
 *
 * @example onPut: (kv) => holdBack(enqueue(kv))
 */
export function createReadAhead(limit: number): (finished: Promise<void>) => Promise<void> | undefined {
  const recent: Promise<void>[] = []
  return (finished) => {
    recent.push(finished)
    return recent.length < limit ? undefined : recent.shift()
  }
}
