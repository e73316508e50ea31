/** Runs functions one at a time per key. */
export interface KeyedLock {
  run<T>(key: string, fn: () => T | Promise<T>): Promise<T>
}

/**
 * A mutex per key: `run(key, fn)` starts `fn` once every earlier `run` with
 * the same key has settled. The witness takes one per log origin, so that two
 * requests can never both advance from the same recorded size
 * (c2sp.org/tlog-witness: check and persist atomically), even if a step of
 * the check becomes asynchronous (a remote signer).
 *
 * @example const lock = createKeyedLock(); await lock.run(origin, () => advance())
 */
export function createKeyedLock(): KeyedLock {
  const tails = new Map<string, Promise<unknown>>()
  return {
    run(key, fn) {
      const previous = tails.get(key) ?? Promise.resolve()
      const result = previous.then(fn, fn)
      const tail = result.catch(() => undefined)
      tails.set(key, tail)
      // The map forgets a key once nothing waits on it, so it stays as small as the set of busy logs.
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key)
      })
      return result
    },
  }
}
