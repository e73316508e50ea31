import { verifyCheckpoint } from '@tabularium/log'
import type { Genesis } from '@tabularium/protocol'
import type { Database } from 'better-sqlite3'
import { membersOf } from '../audit/membersOf.js'
import type { CheckpointRow } from '../store/createBlockWriter.js'
import { readLatestCheckpoint } from '../store/readCheckpoint.js'
import { snapshotInvalid } from './snapshotInvalid.js'

/** The head of a verified snapshot and the member keys that signed it. */
export interface SnapshotHead {
  checkpoint: CheckpointRow
  /** Names of the witness keys whose cosignatures verified. */
  signedBy: string[]
}

/**
 * Checks the snapshot's latest checkpoint: signed by the log key and cosigned
 * by the witness key of a member of the network as of that checkpoint — a
 * genesis member or one admitted by governance, read from the state the
 * audit has just re-executed and compared.
 *
 * @example const { checkpoint, signedBy } = checkHead({ db, genesis, governed: true })
 */
export function checkHead(p: { db: Database; genesis: Genesis; governed: boolean }): SnapshotHead {
  const checkpoint = readLatestCheckpoint(p.db)
  if (checkpoint === undefined) throw snapshotInvalid('it holds no checkpoint')
  const { members } = membersOf(p)
  try {
    const verified = verifyCheckpoint({
      note: checkpoint.note,
      origin: p.genesis.origin,
      logKeys: members.map((m) => m.logKey),
      witnessKeys: members.map((m) => m.witnessKey),
      witnessQuorum: 1,
    })
    if (verified.checkpoint.treeSize !== checkpoint.treeSize) throw new Error('the note names another tree size')
    if (!Buffer.from(verified.checkpoint.rootHash).equals(checkpoint.rootHash))
      throw new Error('the note names another root')
    return { checkpoint, signedBy: verified.cosigners }
  } catch (error) {
    throw snapshotInvalid(`its head checkpoint is not signed by a member: ${(error as Error).message}`, {
      treeSize: checkpoint.treeSize,
    })
  }
}
