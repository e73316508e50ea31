import { expectSame, LedgerAlteredError } from './alteration.js'
import type { NoteVerifier } from './createNoteVerifier.js'
import type { CheckpointRowRaw, LogReader } from './logReader.js'
import type { LedgerIdentity } from './readLedgerIdentity.js'
import { parseStoredStateSum, STATE_SUM_KEY } from './storedStateSum.js'

/**
 * The latest checkpoint of the snapshot, checked against what else the
 * snapshot says about the head: the number of entries, the genesis, the size
 * the stored state sum belongs to (all written in the same transactions).
 *
 * @example const [treeSize, block, root] = readHead(reader, identity)
 */
export function readHead(reader: LogReader, identity: LedgerIdentity): CheckpointRowRaw {
  const head = reader.latestCheckpoint()
  if (head === undefined) {
    throw new LedgerAlteredError({
      code: 'LEDGER_ALTERED',
      table: 'checkpoints',
      row: { treeSize: 0 },
      column: 'row',
      expected: 'present',
      found: 'missing',
      message: 'the file holds no checkpoint',
    })
  }
  const treeSize = head[0]
  const meta = (key: string) => ({ table: 'meta' as const, row: { key }, column: 'value' })
  expectSame(
    meta('genesis'),
    identity.genesisText,
    reader.meta('genesis') ?? 'missing',
    'the genesis stored in the file changed',
  )
  const entries = { table: 'entries' as const, row: { index: treeSize }, column: 'row' }
  expectSame(
    entries,
    String(treeSize),
    String(reader.entryCount()),
    `the latest checkpoint names ${treeSize} entries, the file holds another number`,
  )
  const sum = parseStoredStateSum(reader.meta(STATE_SUM_KEY))
  expectSame(
    meta(STATE_SUM_KEY),
    `the sum at size ${treeSize}`,
    sum === undefined ? 'missing' : `the sum at size ${sum.treeSize}`,
    'the stored state sum does not belong to the latest checkpoint',
  )
  return head
}

/** Verifies a checkpoint's note signatures; returns the note. */
export function checkNote(verify: NoteVerifier, row: CheckpointRowRaw): string {
  const [treeSize, , , , note] = row
  const failure = verify(note)
  const where = { table: 'checkpoints' as const, row: { treeSize }, column: 'note' }
  expectSame(
    where,
    'signed by the log key and cosigned',
    failure ?? 'signed by the log key and cosigned',
    `the checkpoint note at size ${treeSize}: ${failure}`,
  )
  return note
}
