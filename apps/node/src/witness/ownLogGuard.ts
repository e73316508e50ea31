import { equalBytes } from '@tabularium/core'
import type { Ledger } from '@tabularium/ledger'
import { EMPTY_ROOT, verifyConsistency } from '@tabularium/log'

/** Whether this node's own log holds a checkpoint of its network. */
export type OwnLogVerdict = 'holds' | 'behind' | 'diverged' | 'stopped'

/** The witness's extra check for its own network's log. */
export interface OwnLogGuard {
  origin: string
  check(treeSize: number, rootHash: Uint8Array): OwnLogVerdict
}

/**
 * A member's witness key cosigning its network's checkpoint says "I executed
 * the log up to that size and got that root" (the members' quorum counts
 * it). So for its own network the witness cosigns only what this node's own
 * tree holds: the same root at that size (directly, or through a consistency
 * proof from it to the latest checkpoint), and only while the node is healthy.
 * A witness of outside logs needs no such check.
 *
 * @example const guard = ownLogGuard(ledger); guard.check(treeSize, rootHash) // 'holds'
 */
export function ownLogGuard(
  ledger: Pick<Ledger, 'genesis' | 'checkpoint' | 'consistencyProof' | 'health'>,
): OwnLogGuard {
  return {
    origin: ledger.genesis.origin,
    check(treeSize, rootHash) {
      if (ledger.health().status !== 'ok') return 'stopped'
      const latest = ledger.checkpoint()
      if (treeSize > latest.treeSize) return 'behind'
      if (treeSize === latest.treeSize) return equalBytes(rootHash, latest.rootHash) ? 'holds' : 'diverged'
      if (treeSize === 0) return equalBytes(rootHash, EMPTY_ROOT) ? 'holds' : 'diverged'
      try {
        const proof = ledger.consistencyProof(treeSize, latest.treeSize)
        verifyConsistency({ from: treeSize, to: latest.treeSize, proof, fromRoot: rootHash, toRoot: latest.rootHash })
        return 'holds'
      } catch {
        return 'diverged'
      }
    },
  }
}
