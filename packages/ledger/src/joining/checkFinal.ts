import { verifyCheckpoint } from '@tabularium/log'
import type { Genesis } from '@tabularium/protocol'
import type { Database } from 'better-sqlite3'
import { membersOf } from '../audit/membersOf.js'
import { snapshotInvalid } from './snapshotInvalid.js'

/**
 * Checks the snapshot's latest final checkpoint, if it holds one: its note
 * carries the cosignatures of a quorum of the members of that time, on the
 * root the audited log has at that size. Up to that size the history is
 * the one the quorum executed, not only the serving member's. Returns the
 * size, or undefined when the file holds no final checkpoint (a network
 * whose quorum has not cosigned yet).
 *
 * @example const finalTreeSize = checkFinal({ db, genesis, governed: true })
 */
export function checkFinal(p: { db: Database; genesis: Genesis; governed: boolean }): number | undefined {
  const table = p.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'final_checkpoints'").get()
  if (table === undefined) return undefined
  const final = p.db.prepare('SELECT tree_size, note FROM final_checkpoints ORDER BY tree_size DESC LIMIT 1').get() as
    | { tree_size: number; note: string }
    | undefined
  if (final === undefined) return undefined
  const root = p.db.prepare('SELECT root FROM checkpoints WHERE tree_size = ?').pluck().get(final.tree_size) as
    | Buffer
    | undefined
  // The members of the head's state (the audited file's). Were a cosigner removed since, its line
  // would not count and the snapshot be refused: a newer snapshot, once a checkpoint is final again, passes.
  const { members, quorum } = membersOf(p)
  try {
    const { checkpoint } = verifyCheckpoint({
      note: final.note,
      origin: p.genesis.origin,
      logKeys: members.map((m) => m.logKey),
      witnessKeys: members.map((m) => m.witnessKey),
      witnessQuorum: quorum,
    })
    if (checkpoint.treeSize !== final.tree_size || root === undefined || !root.equals(checkpoint.rootHash)) {
      throw new Error('it names another tree than the audited log')
    }
    return final.tree_size
  } catch (error) {
    throw snapshotInvalid(`its final checkpoint at size ${final.tree_size} is not one: ${(error as Error).message}`, {
      treeSize: final.tree_size,
    })
  }
}
