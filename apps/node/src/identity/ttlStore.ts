/** A bounded in-memory map whose entries expire. */
export interface TtlStore<T> {
  get(key: string): T | undefined
  set(key: string, value: T, ttlMs?: number): void
  delete(key: string): void
  values(): T[]
}

/**
 * A bounded map with expiry, for short-lived protocol state (offers, codes,
 * tokens, verification sessions): at most `max` entries, the oldest evicted
 * first, so hostile clients cannot grow memory.
 *
 * @example const offers = createTtlStore<Offer>({ ttlMs: 600_000, max: 10_000 })
 */
export function createTtlStore<T>({
  ttlMs,
  max,
  now = Date.now,
}: {
  ttlMs: number
  max: number
  now?: () => number
}): TtlStore<T> {
  const entries = new Map<string, { value: T; expires: number }>()
  const live = (key: string) => {
    const entry = entries.get(key)
    if (entry !== undefined && entry.expires <= now()) entries.delete(key)
    return entries.get(key)
  }
  return {
    get: (key) => live(key)?.value,
    set(key, value, ttl = ttlMs) {
      entries.delete(key)
      while (entries.size >= max) entries.delete(entries.keys().next().value as string)
      entries.set(key, { value, expires: now() + ttl })
    },
    delete: (key) => void entries.delete(key),
    values: () =>
      [...entries.keys()].flatMap((key) => (live(key) === undefined ? [] : [(live(key) as { value: T }).value])),
  }
}
