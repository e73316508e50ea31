import { LogError } from '../errors.js'
import { hashLeaf } from '../hash.js'
import { leafRangeNodes, verifyLeafRange } from '../proof/verifyLeafRange.js'
import { parseEntryBundle } from './entryBundle.js'
import { tileWidth } from './readTile.js'
import { nodeFromTile, tileOfNode } from './tileNodes.js'
import { formatTilePath, TILE_WIDTH } from './tilePath.js'

/** Fetches one tile or entry bundle by its path (`tile/0/x001/234`, `tile/entries/005.p/17`); rejects when it cannot. */
export type FetchTile = (path: string) => Promise<Uint8Array>

/** Parameters of {@link readLeafRange}: the range [start, end) of the tree a checkpoint signed. */
export type ReadLeafRangeParameters = {
  start: number
  end: number
  /** The checkpoint's size and root (verify the checkpoint first). */
  treeSize: number
  rootHash: Uint8Array
  fetchTile: FetchTile
  /** Called after each entry bundle: leaves read so far, and in all. */
  onProgress?: (read: number, total: number) => void
  /** Requests in flight at once (default 4). */
  concurrency?: number
}

/**
 * Reads the leaves [start, end) of a log from its C2SP tlog-tiles — the entry
 * bundles that cover the range, and the few hash tiles holding the nodes
 * around it — and proves them with {@link verifyLeafRange}: the result is
 * exactly the log's leaves at those indexes under the checkpoint's root,
 * none left out, added, altered or moved. Nothing fetched is trusted. Throws
 * `INVALID_ENTRY_BUNDLE` (a bundle with the wrong number of entries),
 * `INVALID_PROOF` (the leaves or tiles do not lead to the root), or what
 * `fetchTile` throws.
 *
 * @example const leaves = await readLeafRange({ start, end: cp.treeSize, treeSize: cp.treeSize, rootHash: cp.rootHash, fetchTile })
 */
export async function readLeafRange(p: ReadLeafRangeParameters): Promise<Uint8Array[]> {
  const { left, right } = leafRangeNodes(p)
  const nodes = await readNodes({ nodes: [...left, ...right], ...p })
  const leaves = await readBundles(p)
  verifyLeafRange({
    start: p.start,
    end: p.end,
    leafHashes: leaves.map(hashLeaf),
    treeSize: p.treeSize,
    rootHash: p.rootHash,
    getNode: (level, index) => {
      const hash = nodes.get(`${level}/${index}`)
      if (hash === undefined) throw new LogError('MISSING_NODE', `node (${level}, ${index}) was not read`)
      return hash
    },
  })
  return leaves
}

async function readBundles(p: ReadLeafRangeParameters): Promise<Uint8Array[]> {
  const first = Math.floor(p.start / TILE_WIDTH)
  const last = Math.floor((p.end - 1) / TILE_WIDTH)
  const indexes = Array.from({ length: last - first + 1 }, (_, i) => first + i)
  let read = 0
  const total = p.end - p.start
  const bundles = await mapLimit(indexes, p.concurrency ?? 4, async (index) => {
    const width = tileWidth({ level: 0, index, treeSize: p.treeSize })
    const entries = parseEntryBundle(await p.fetchTile(formatTilePath({ level: 'entries', index, width })))
    if (entries.length !== width) {
      throw new LogError('INVALID_ENTRY_BUNDLE', `entry bundle ${index} holds ${entries.length} entries, not ${width}`)
    }
    const from = Math.max(p.start - index * TILE_WIDTH, 0)
    const kept = entries.slice(from, Math.min(p.end - index * TILE_WIDTH, width))
    read += kept.length
    p.onProgress?.(read, total)
    return kept
  })
  return bundles.flat()
}

// The nodes around the range, from the hash tiles that hold them (each tile fetched once).
async function readNodes(
  p: ReadLeafRangeParameters & { nodes: { level: number; index: number }[] },
): Promise<Map<string, Uint8Array>> {
  const places = p.nodes.map((n) => ({ ...n, place: tileOfNode({ ...n, treeSize: p.treeSize }) }))
  const paths = [...new Set(places.map((n) => formatTilePath(n.place.tile)))]
  const tiles = new Map(
    await mapLimit(paths, p.concurrency ?? 4, async (path) => [path, await p.fetchTile(path)] as const),
  )
  const out = new Map<string, Uint8Array>()
  for (const n of places) {
    const bytes = tiles.get(formatTilePath(n.place.tile)) as Uint8Array
    out.set(`${n.level}/${n.index}`, nodeFromTile({ ...n.place, bytes }))
  }
  return out
}

// Promise.all over `items` with at most `limit` calls running; results in order.
async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const i = next++
      out[i] = await fn(items[i] as T)
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker))
  return out
}
