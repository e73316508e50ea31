import { expectSame, LedgerAlteredError } from './alteration.js'
import { blameLevelZero } from './blameLevelZero.js'
import { checkCheckpointRow } from './checkCheckpointRow.js'
import { checkBlockBoundary, checkEntryColumns, checkEvents } from './checkEntryRow.js'
import type { CheckpointRowRaw, EventRow, LevelHashes, LogReader } from './logReader.js'
import { appendLeafHash, EMPTY_TREE_ROOT, prefixedLeafHash, rootOfFrontier } from './treeHashes.js'

/**
 * Where a walk over the log stands: every entry below `size` was checked,
 * `frontier` is the tree of those entries recomputed from their leaves, and
 * `lastBlock` the block of the last one.
 */
export interface LogWalk {
  size: number
  frontier: Buffer[]
  lastBlock: number
}

/** What a range check reads with: the snapshot's reader, the log's origin and latest checkpoint. */
export interface RangeContext {
  reader: LogReader
  origin: string
  head: { treeSize: number; root: Buffer }
}

/** A walk from the start of the log. */
export function startLogWalk(): LogWalk {
  return { size: 0, frontier: [], lastBlock: 0 }
}

/**
 * Checks entries `[walk.size, to)` and advances the walk: each leaf hashes to
 * its stored level-0 node; every node the leaves complete, recomputed, is the
 * stored one; `txid`, `block` and the events repeat the leaf; and every
 * checkpoint ending in the range holds the recomputed root and its last
 * entry's block, time and state. Everything is derived from the leaves, so a
 * consistent forgery would need new signed roots. Throws LedgerAlteredError.
 *
 * @example const walk = startLogWalk(); checkLogRange({ reader, origin, head }, walk, 4096)
 */
export function checkLogRange(context: RangeContext, walk: LogWalk, to: number): void {
  const { reader, origin } = context
  const from = walk.size
  if (to <= from) return
  const entries = reader.entries(from, to)
  const nodes = readNodes(reader, from, to)
  const events = groupByIndex(reader.events(from, to))
  const checkpoints = new Map(reader.checkpoints(from, to).map((row) => [row[0], row]))
  if (from === 0) checkEmptyTreeCheckpoint(checkpoints.get(0), origin)
  const compare = (level: number, index: number, hash: Buffer) => compareNode(context, nodes, level, index, hash)
  for (let index = from; index < to; index++) {
    const row = entries[index - from]
    if (row?.[0] !== index) missing('entries', { index }, `entry ${index} is missing`)
    walk.size = appendLeafHash(walk.frontier, walk.size, prefixedLeafHash(row[3]), compare)
    const facts = checkEntryColumns(row)
    checkEvents(index, facts, events.get(index) ?? [])
    checkBlockBoundary(index, facts.block, walk.lastBlock, checkpoints.has(index))
    walk.lastBlock = facts.block
    const checkpoint = checkpoints.get(index + 1)
    if (checkpoint !== undefined) checkCheckpointAt(checkpoint, walk, row[3], origin)
  }
}

function checkEmptyTreeCheckpoint(row: CheckpointRowRaw | undefined, origin: string): void {
  if (row === undefined) missing('checkpoints', { treeSize: 0 }, 'the checkpoint of the empty tree is missing')
  checkCheckpointRow(row, { treeSize: 0, root: EMPTY_TREE_ROOT }, origin)
}

// The last entry of a block holds the time and state digest its checkpoint
// repeats: the one leaf per block that is parsed whole.
function checkCheckpointAt(row: CheckpointRowRaw, walk: LogWalk, prefixedLeaf: Buffer, origin: string): void {
  const { time, state } = JSON.parse(prefixedLeaf.toString('utf8', 1)) as { time: string; state: string }
  const last = { block: walk.lastBlock, time, state }
  checkCheckpointRow(row, { treeSize: walk.size, root: rootOfFrontier(walk.frontier), last }, origin)
}

/** Stored node hashes by level for the nodes that leaves `[from, to)` complete. */
interface RangeNodes {
  levels: LevelHashes[]
  /** The index of the first node each level may complete. */
  firsts: number[]
  /** How many nodes each level completes: all of them are stored. */
  counts: number[]
}

// Node (level, j) is completed by leaf (j + 1)·2^level − 1, so leaves
// [from, to) complete j in [⌊from / 2^level⌋, ⌊to / 2^level⌋).
function readNodes(reader: LogReader, from: number, to: number): RangeNodes {
  const levels: LevelHashes[] = []
  const firsts: number[] = []
  const counts: number[] = []
  for (let level = 0; ; level++) {
    const first = Math.floor(from / 2 ** level)
    const end = Math.floor(to / 2 ** level)
    if (end <= first) break
    levels.push(reader.levelHashes(level, first, end))
    firsts.push(first)
    counts.push(end - first)
  }
  return { levels, firsts, counts }
}

function compareNode(context: RangeContext, nodes: RangeNodes, level: number, index: number, hash: Buffer): void {
  const stored = nodes.levels[level] as LevelHashes
  const at = (index - (nodes.firsts[level] as number)) * 32
  // Every node of the range is stored, so the hashes are contiguous; if not,
  // a row was deleted and the row-by-row read below names it.
  const contiguous = stored.count === nodes.counts[level] && stored.hashes.length === stored.count * 32
  if (contiguous && hash.compare(stored.hashes, at, at + 32) === 0) return
  const found = contiguous ? stored.hashes.subarray(at, at + 32) : context.reader.node(level, index)
  if (found === undefined) missing('nodes', { level, index }, `tree node (${level}, ${index}) is missing`)
  if (found.equals(hash)) return
  if (level === 0) throw blameLevelZero({ ...context, index, computed: hash, stored: found })
  const where = { table: 'nodes' as const, row: { level, index }, column: 'hash' }
  const message = `tree node (${level}, ${index}) is not the hash of its children`
  expectSame(where, hash.toString('hex'), found.toString('hex'), message)
}

function groupByIndex(rows: EventRow[]): Map<number, EventRow[]> {
  const groups = new Map<number, EventRow[]>()
  for (const row of rows) {
    const group = groups.get(row[0])
    if (group === undefined) groups.set(row[0], [row])
    else group.push(row)
  }
  return groups
}

function missing(table: 'entries' | 'nodes' | 'checkpoints', row: Record<string, number>, message: string): never {
  throw new LedgerAlteredError({
    code: 'LEDGER_ALTERED',
    table,
    row,
    column: 'row',
    expected: 'present',
    found: 'missing',
    message,
  })
}
