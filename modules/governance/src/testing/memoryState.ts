import type { Json, StateReader } from '@tabularium/ledger'

/** Committed state: module → key → value. */
export type MemoryStore = Map<string, Map<string, Json>>

/** A transaction's pending writes: module → key → value (undefined = deleted). */
export type WriteSet = Map<string, Map<string, Json | undefined>>

// State keys sort in byte order (as SQLite's BLOB order does), which differs
// from JavaScript's UTF-16 order for characters outside the BMP.
function compareKeys(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b))
}

/**
 * A reader of `module`'s state (the ledger's bounds: `list` returns 100 rows
 * unless asked, never more than 1000) that sees the transaction's own writes over
 * the committed store; `of()` reads another module the same way.
 *
 * @example memoryReader({ store, writes, module: 'governance' }).get('config')
 */
export function memoryReader(p: { store: MemoryStore; writes: WriteSet; module: string }): StateReader {
  const committed = () => p.store.get(p.module) ?? new Map<string, Json>()
  const pending = () => p.writes.get(p.module) ?? new Map<string, Json | undefined>()
  const reader: StateReader = {
    get<T extends Json = Json>(key: string): T | undefined {
      const overlay = pending()
      return (overlay.has(key) ? overlay.get(key) : committed().get(key)) as T | undefined
    },
    list<T extends Json = Json>(prefix: string, options: { limit?: number; after?: string } = {}) {
      const keys = new Set([...committed().keys(), ...pending().keys()])
      return [...keys]
        .filter((key) => key.startsWith(prefix) && (options.after === undefined || compareKeys(key, options.after) > 0))
        .sort(compareKeys)
        .map((key) => ({ key, value: reader.get<T>(key) }))
        .filter((entry): entry is { key: string; value: T } => entry.value !== undefined)
        .slice(0, Math.min(options.limit ?? 100, 1000))
    },
    of(module: string) {
      return memoryReader({ ...p, module })
    },
  }
  return reader
}

/** Applies a transaction's writes to the committed store. */
export function commitWrites(store: MemoryStore, writes: WriteSet): void {
  for (const [module, entries] of writes) {
    const target = store.get(module) ?? new Map<string, Json>()
    store.set(module, target)
    for (const [key, value] of entries) {
      if (value === undefined) target.delete(key)
      else target.set(key, value)
    }
  }
}
