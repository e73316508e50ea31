import { parseCheckpoint } from '@tabularium/log'
import { type AlteredTable, expectSame, LedgerAlteredError } from './alteration.js'
import type { CheckpointRowRaw } from './logReader.js'

/** What the log (leaves and recomputed tree) says a checkpoint at its size must hold. */
export interface ExpectedCheckpoint {
  treeSize: number
  root: Buffer
  /** The block, time and state digest of the entry before it; absent for the empty tree. */
  last?: { block: number; time: string; state: string }
}

const where = (treeSize: number, column: string) => ({
  table: 'checkpoints' as AlteredTable,
  row: { treeSize },
  column,
})

/**
 * Checks a stored checkpoint row against the log: its root is the tree's
 * root at its size, its note's text names the origin, that size and that
 * root, and its block, time and state digest are those of the last entry
 * before it. (Signatures are checked apart, at a slower pace: see scrubLog.)
 *
 * @example checkCheckpointRow(row, { treeSize, root, last }, origin)
 */
export function checkCheckpointRow(row: CheckpointRowRaw, expected: ExpectedCheckpoint, origin: string): void {
  const [treeSize, block, root, state, note, time] = row
  const rootHex = expected.root.toString('hex')
  expectSame(
    where(treeSize, 'root'),
    rootHex,
    root.toString('hex'),
    `the checkpoint root at size ${treeSize} is not the tree's`,
  )
  const text = noteText(note, treeSize)
  expectSame(
    where(treeSize, 'note'),
    `${origin}\n${treeSize}\n${rootHex}`,
    text,
    `the checkpoint note at size ${treeSize} names another tree head`,
  )
  const last = expected.last ?? { block: 0, time, state }
  expectSame(
    where(treeSize, 'block'),
    String(last.block),
    String(block),
    `the checkpoint at size ${treeSize} names another block`,
  )
  expectSame(
    where(treeSize, 'time'),
    last.time,
    time,
    `the checkpoint at size ${treeSize} names another time than its last entry`,
  )
  expectSame(
    where(treeSize, 'state'),
    last.state,
    state,
    `the checkpoint at size ${treeSize} names another state digest than its last entry`,
  )
}

/** The note's origin, size and hex root, one per line (the root re-encoded, to compare with the tree's). */
function noteText(note: string, treeSize: number): string {
  try {
    const parsed = parseCheckpoint(note.slice(0, note.lastIndexOf('\n\n') + 1))
    return `${parsed.origin}\n${parsed.treeSize}\n${Buffer.from(parsed.rootHash).toString('hex')}`
  } catch (error) {
    throw new LedgerAlteredError({
      code: 'LEDGER_ALTERED',
      ...where(treeSize, 'note'),
      expected: 'a checkpoint note',
      found: note.slice(0, 80),
      message: `the checkpoint note at size ${treeSize} does not parse: ${(error as Error).message}`,
    })
  }
}
