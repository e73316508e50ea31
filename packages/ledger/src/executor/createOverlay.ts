import { compareKeys } from './compareKeys.js'
import type { StateRow, StateView, StateWrite } from './stateView.js'

/** Writes layered over a state view: the view of a block or of one transaction. */
export interface Overlay extends StateView {
  put(module: string, key: string, value: string | null): void
  /** The writes, in the order their keys were first written. */
  readonly writes: Map<string, StateWrite>
}

/**
 * Layers uncommitted writes over `base`. Reads see the writes first; `list`
 * merges them with the base in byte order, hiding deleted keys.
 *
 * @example const block = createOverlay({ base: store }); block.put('notary', 'k', '1')
 */
export function createOverlay({ base }: { base: StateView }): Overlay {
  const writes = new Map<string, StateWrite>()
  return {
    writes,
    get(module, key) {
      const write = writes.get(`${module}\0${key}`)
      if (write === undefined) return base.get(module, key)
      return write.value ?? undefined
    },
    put(module, key, value) {
      writes.set(`${module}\0${key}`, { module, key, value })
    },
    list(module, prefix, after, limit) {
      if (writes.size === 0) return base.list(module, prefix, after, limit)
      return mergeList({ writes, base, module, prefix, after, limit })
    },
  }
}

function mergeList(p: {
  writes: Map<string, StateWrite>
  base: StateView
  module: string
  prefix: string
  after: string
  limit: number
}): StateRow[] {
  const mine: StateWrite[] = []
  let deleted = 0
  for (const write of p.writes.values()) {
    if (write.module !== p.module || !write.key.startsWith(p.prefix)) continue
    if (compareKeys(write.key, p.after) <= 0) continue
    mine.push(write)
    if (write.value === null) deleted++
  }
  // Each deletion may hide one base row, so fetch that many more.
  const rows = new Map<string, string>(p.base.list(p.module, p.prefix, p.after, p.limit + deleted))
  for (const write of mine) {
    if (write.value === null) rows.delete(write.key)
    else rows.set(write.key, write.value)
  }
  return [...rows].sort((a, b) => compareKeys(a[0], b[0])).slice(0, p.limit)
}
