import { eventsDigest } from '../executor/digests.js'
import { eventJcs } from '../executor/leafJcs.js'
import { expectSame } from './alteration.js'
import { type LeafFacts, readLeafFacts } from './leafFacts.js'
import type { EntryRow, EventRow } from './logReader.js'

const NO_EVENTS = eventsDigest([])

/**
 * Reads the facts of an entry whose leaf already hashed to the stored tree
 * and checks the columns that repeat them: `txid` and `block`.
 *
 * @example const facts = checkEntryColumns(row)
 */
export function checkEntryColumns(row: EntryRow): LeafFacts {
  const [index, txid, block, prefixedLeaf] = row
  const leaf = prefixedLeaf.subarray(1)
  const facts = readLeafFacts(leaf)
  const at = (column: string) => ({ table: 'entries' as const, row: { index }, column })
  if (facts === undefined) {
    expectSame(
      at('leaf'),
      'a log entry',
      leaf.subarray(0, 80).toString('latin1'),
      `the leaf of entry ${index} is not a log entry`,
    )
  }
  const { block: leafBlock, txid: leafTxid } = facts as LeafFacts
  expectSame(at('txid'), leafTxid, txid, `the txid stored for entry ${index} is not its leaf's`)
  expectSame(at('block'), String(leafBlock), String(block), `the block stored for entry ${index} is not its leaf's`)
  return facts as LeafFacts
}

/**
 * Checks the stored events of one entry against the events digest its leaf
 * commits to (docs/leaf-encoding.md §3); a rejected entry has none.
 *
 * @example checkEvents(index, facts, rowsOfThatEntry)
 */
export function checkEvents(index: number, facts: LeafFacts, rows: readonly EventRow[]): void {
  const at = { table: 'events' as const, row: { index }, column: 'data' }
  if (facts.events === undefined) {
    expectSame(at, '0 events', `${rows.length} events`, `events are stored for entry ${index}, which was rejected`)
    return
  }
  const found =
    rows.length === 0 ? NO_EVENTS : eventsDigest(rows.map(([, module, type, data]) => eventJcs({ module, type, data })))
  expectSame(at, facts.events, found, `the events stored for entry ${index} are not those its leaf commits to`)
}

/**
 * A new block starts exactly where a checkpoint ends the previous one, and
 * numbers on by one (docs/leaf-encoding.md §2): a checkpoint row inserted or
 * deleted in the middle of the log shows here.
 */
export function checkBlockBoundary(index: number, block: number, previousBlock: number, checkpointHere: boolean): void {
  const starts = block !== previousBlock
  const at = { table: 'checkpoints' as const, row: { treeSize: index }, column: 'row' }
  expectSame(
    at,
    starts ? 'present' : 'absent',
    checkpointHere ? 'present' : 'absent',
    starts
      ? `no checkpoint ends block ${previousBlock} at size ${index}`
      : `a checkpoint at size ${index} cuts block ${block}`,
  )
  if (starts) {
    const entry = { table: 'entries' as const, row: { index }, column: 'leaf' }
    expectSame(
      entry,
      String(previousBlock + 1),
      String(block),
      `entry ${index} starts block ${block} after block ${previousBlock}`,
    )
  }
}
