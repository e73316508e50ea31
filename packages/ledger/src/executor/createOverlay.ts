import { compareKeys } from './compareKeys.js'
import type { StateRow, StateView, StateWrite } from './stateView.js'

/** Writes layered over a state view: the view of a block or of one transaction. */
export interface Overlay extends StateView {
  put(module: string, key: string, value: string | null): void
  /** The writes, in the order their keys were first written. */
  readonly writes: Map<string, StateWrite>
}

/** One layer of writes; a class because one is made per transaction on the hot path. */
class WriteLayer implements Overlay {
  readonly writes = new Map<string, StateWrite>()

  constructor(private readonly base: StateView) {}

  get(module: string, key: string): string | undefined {
    const write = this.writes.get(`${module}\0${key}`)
    if (write === undefined) return this.base.get(module, key)
    return write.value ?? undefined
  }

  put(module: string, key: string, value: string | null): void {
    this.writes.set(`${module}\0${key}`, { module, key, value })
  }

  list(module: string, prefix: string, after: string, limit: number): StateRow[] {
    if (this.writes.size === 0) return this.base.list(module, prefix, after, limit)
    return mergeList({ writes: this.writes, base: this.base, module, prefix, after, limit })
  }
}

/**
 * Layers uncommitted writes over `base`. Reads see the writes first; `list`
 * merges them with the base in byte order, hiding deleted keys.
 *
 * @example const block = createOverlay({ base: store }); block.put('notary', 'k', '1')
 */
export function createOverlay({ base }: { base: StateView }): Overlay {
  return new WriteLayer(base)
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
