import { type Checkpoint, verifyCheckpoint } from '@tabularium/log'
import type { Genesis } from '@tabularium/protocol'
import type { CheckpointRow } from '../store/createBlockWriter.js'
import { check } from './auditFailure.js'

/**
 * Checks a stored checkpoint against the recomputed tree and state: its note
 * is signed by a member's log key and cosigned by a member's witness key
 * (`members`: those of the recomputed state at that size — genesis members
 * and those governance admitted; default the genesis file's), and
 * it names the recomputed root at its size; its state digest is the one the
 * last entry before it recomputed.
 *
 * @example checkCheckpoint({ row, genesis, rootHash, stateDigest })
 */
export function checkCheckpoint(p: {
  row: CheckpointRow
  genesis: Genesis
  rootHash: Uint8Array
  stateDigest: string
  members?: readonly { logKey: string; witnessKey: string }[]
}): void {
  const { row } = p
  const members = p.members ?? p.genesis.members
  const at = Math.max(row.treeSize - 1, -1)
  let checkpoint: Checkpoint
  try {
    checkpoint = verifyCheckpoint({
      note: row.note,
      origin: p.genesis.origin,
      logKeys: members.map((m) => m.logKey),
      witnessKeys: members.map((m) => m.witnessKey),
      witnessQuorum: 1,
    }).checkpoint
  } catch (error) {
    throw check(false, at, `the checkpoint at size ${row.treeSize} does not verify: ${(error as Error).message}`)
  }
  check(
    checkpoint.treeSize === row.treeSize,
    at,
    `the checkpoint note names size ${checkpoint.treeSize}, stored as ${row.treeSize}`,
  )
  const root = Buffer.from(p.rootHash)
  check(
    root.equals(checkpoint.rootHash) && root.equals(row.rootHash),
    at,
    `the root at size ${row.treeSize} differs from the recomputed tree`,
  )
  check(
    row.stateDigest === p.stateDigest,
    at,
    `the state digest at size ${row.treeSize} differs from the recomputed state`,
  )
}
