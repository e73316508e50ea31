import { type AppendLeavesResult, appendLeaves, type Frontier, frontierFromNodes, type GetNode } from '@tabularium/log'
import type { Database } from 'better-sqlite3'

/** The Merkle tree over the `nodes` table, its frontier in memory. */
export interface TreeStore {
  readonly size: number
  readonly frontier: Frontier
  /** Reads a node: recent ones from memory, the rest from SQLite. */
  getNode: GetNode
  /** Computes the nodes a block adds, without adopting them. */
  append(leafHashes: Uint8Array[]): AppendLeavesResult
  /** Adopts an appended block once it is committed. */
  adopt(result: AppendLeavesResult): void
}

/** Recent nodes kept in memory: the nodes of the last few hundred blocks. */
const CACHE_LIMIT = 1 << 18

/**
 * The tree of a ledger file. A restart rebuilds only the frontier (one read
 * per set bit of the size), never the tree. Nodes of recent blocks and the
 * frontier's nodes stay in memory, so receipts for a block just committed
 * read nothing from SQLite.
 *
 * @example const tree = createTreeStore({ db, size: checkpoint.treeSize })
 */
export function createTreeStore({ db, size: startSize }: { db: Database; size: number }): TreeStore {
  const select = db.prepare('SELECT hash FROM nodes WHERE level = ? AND idx = ?').pluck()
  const recent = new Map<number, Uint8Array>()
  const pinned = new Map<number, Uint8Array>()
  const getNode: GetNode = (level, index) => {
    const key = nodeKey(level, index)
    const hash = recent.get(key) ?? pinned.get(key) ?? (select.get(level, index) as Buffer | undefined)
    if (hash === undefined) throw new Error(`node (${level}, ${index}) is not stored`)
    return hash
  }
  let size = startSize
  let frontier = frontierFromNodes({ size, getNode })
  const pin = () => {
    pinned.clear()
    forEachFrontierNode(size, frontier, (level, index, hash) => pinned.set(nodeKey(level, index), hash))
  }
  pin()
  return {
    get size() {
      return size
    },
    get frontier() {
      return frontier
    },
    getNode,
    append: (leafHashes) => appendLeaves({ frontier, size, leafHashes }),
    adopt(result) {
      for (const n of result.nodes) recent.set(nodeKey(n.level, n.index), n.hash)
      if (recent.size > CACHE_LIMIT) evict(recent, CACHE_LIMIT / 2)
      size = result.size
      frontier = result.frontier
      pin()
    },
  }
}

// level < 64 and index < 2^46 keep the key below 2^53, exact as a number.
function nodeKey(level: number, index: number): number {
  return level * 2 ** 46 + index
}

function evict(cache: Map<number, Uint8Array>, keep: number): void {
  let drop = cache.size - keep
  for (const key of cache.keys()) {
    if (drop-- <= 0) break
    cache.delete(key)
  }
}

/** Calls `visit` for each frontier node, largest (leftmost) first. */
function forEachFrontierNode(
  size: number,
  frontier: Frontier,
  visit: (level: number, index: number, hash: Uint8Array) => void,
): void {
  let at = 0
  let i = 0
  for (let level = 52; level >= 0; level--) {
    const width = 2 ** level
    if (at + width > size) continue
    visit(level, at / width, frontier[i++] as Uint8Array)
    at += width
  }
}
