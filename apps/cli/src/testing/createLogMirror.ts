import { canonicalBytes, toBase64 } from '@tabularium/core'
import { createMemoryTree, verifyCheckpoint } from '@tabularium/log'
import type { Genesis } from '@tabularium/protocol'
import { type Client, checkConsistency, trustFromGenesis } from '@tabularium/sdk'

/**
 * A client-side mirror of a node's log: it follows the node across restarts,
 * proving each new checkpoint consistent with what it saw before, and
 * rebuilding the tree from the served entries so that their root must match
 * the signed checkpoint. Inclusion proofs at the latest size then come from
 * the mirror, so thousands of receipts are checked without a request each.
 *
 * @example const mirror = createLogMirror({ genesis }); await mirror.sync(client)
 */
export function createLogMirror({ genesis }: { genesis: Genesis }) {
  const trust = trustFromGenesis(genesis)
  const tree = createMemoryTree()
  const txids: string[] = []
  let head = { treeSize: 0, rootHash: '' }
  return {
    txids,
    head: () => head,
    inclusionProof: (index: number) => tree.inclusionProof({ index, treeSize: head.treeSize }).map(toBase64),
    /** Follows the node to its latest checkpoint; throws if history changed. */
    async sync(client: Client): Promise<{ treeSize: number; rootHash: string }> {
      const latest = await client.getCheckpoint()
      const { checkpoint } = verifyCheckpoint({ note: latest.note, ...trust })
      const next = { treeSize: checkpoint.treeSize, rootHash: toBase64(checkpoint.rootHash) }
      if (head.treeSize > 0) {
        const { proof } = await client.getConsistencyProof({ from: head.treeSize, to: next.treeSize })
        checkConsistency({ from: head, to: next, proof })
      }
      while (tree.size() < next.treeSize) {
        const page = await client.getEntries({ from: tree.size(), limit: 1000 })
        if (page.entries.length === 0)
          throw new Error(`the node serves no entry at ${tree.size()} below ${next.treeSize}`)
        for (const { entry, txid, index } of page.entries) {
          if (index !== tree.size() || index >= next.treeSize) continue
          tree.append(canonicalBytes(entry))
          txids.push(txid)
        }
      }
      if (toBase64(tree.root({ treeSize: next.treeSize })) !== next.rootHash) {
        throw new Error(`the served entries do not hash to the signed root at size ${next.treeSize}`)
      }
      head = next
      return head
    },
  }
}
