import { assertReceipt, type Checkpoint, verifyCheckpoint, verifyReceipt } from '@tabularium/log'
import type { Genesis } from '@tabularium/protocol'
import { checkConsistency, checkInclusion, createClient, decodeLeaf, trustFromGenesis } from '@tabularium/sdk'
import { waitUntil } from '../devnet/waitUntil.js'
import { createLogMirror } from './createLogMirror.js'
import type { Acknowledgement } from './notaryWorkload.js'

/** A node to check. */
export interface CheckedNode {
  id: string
  url: string
}

/** A final (quorum-cosigned) checkpoint as `GET /v1/checkpoints/final` serves it. */
export interface FinalCheckpointView {
  treeSize: number
  rootHash: string
  note: string
  cosigners: string[]
}

/** What `checkNetwork` found. */
export interface NetworkCheck {
  /** The checkpoint every node converged on. */
  head: { treeSize: number; rootHash: string; stateDigest: string } | undefined
  /** The final checkpoint every node agrees on, when there is one. */
  final: FinalCheckpointView | undefined
  /** Every check that did not hold; empty when all did. */
  failures: string[]
  /** Distinct receipt tree sizes proven consistent with the final (or latest) checkpoint, per node. */
  consistencyProofs: number
}

/** Parameters of `checkNetwork`. */
export interface CheckNetworkParameters {
  nodes: readonly CheckedNode[]
  genesis: Genesis
  /** Every acknowledged transaction: each must be at its index on every node. */
  acks: readonly Acknowledgement[]
  /**
   * Whose receipts must also verify and be consistent with the network's
   * checkpoints (default: all). A node whose file was altered may have
   * acknowledged with a root no one else has before it noticed: those
   * receipts never become final, which is what its alarm is for.
   */
  trustReceipt?: (ack: Acknowledgement) => boolean
  timeoutMs?: number
}

/**
 * The fault tests' verdict on a network after a fault (no workload running):
 *
 * 1. the nodes converge on one checkpoint: same size, same root, same state digest;
 * 2. they serve the same final checkpoint, covering every acknowledged
 *    transaction and cosigned by the genesis' witness quorum;
 * 3. every acknowledged txid is at its index in each node's log (entries
 *    fetched, hashed into a tree whose root must be the node's signed one);
 * 4. every receipt verifies (log signature by a member's log key, the
 *    acknowledging node's cosignature, inclusion, leaf and txid), and its
 *    tree is proven a prefix of the final checkpoint's by each node's
 *    consistency proof (of the latest checkpoint when no final one exists).
 *
 * Every check runs and each failure is reported, so one missing feature does
 * not hide the others.
 *
 * @example const { failures } = await checkNetwork({ nodes, genesis, acks }); assert.deepEqual(failures, [])
 */
export async function checkNetwork(p: CheckNetworkParameters): Promise<NetworkCheck> {
  const { timeoutMs = 30_000 } = p
  const failures: string[] = []
  const needed = p.acks.reduce((max, a) => Math.max(max, a.index + 1), 1)
  const head = await converge(p.nodes, needed, timeoutMs).catch((error: Error) => {
    failures.push(error.message)
    return undefined
  })
  if (head === undefined) return { head, final: undefined, failures, consistencyProofs: 0 }
  const final = await agreeOnFinal(p, needed, timeoutMs, failures)
  for (const node of p.nodes) await checkLog(node, p, failures)
  const roots = verifyReceipts(p, failures)
  const anchor = final ?? head
  let consistencyProofs = 0
  for (const node of p.nodes) consistencyProofs += await proveConsistent(node, roots, anchor, failures)
  return { head, final, failures, consistencyProofs }
}

type Head = { treeSize: number; rootHash: string; stateDigest: string }

async function converge(nodes: readonly CheckedNode[], needed: number, timeoutMs: number): Promise<Head> {
  let last: Head[] = []
  const heads = await waitUntil({
    what: `the nodes to converge on a checkpoint of at least ${needed} entries`,
    timeoutMs,
    check: async () => {
      last = await Promise.all(nodes.map((n) => createClient({ baseUrl: n.url }).getCheckpoint()))
      const size = last[0]?.treeSize ?? 0
      return size >= needed && last.every((h) => h.treeSize === size) ? last : undefined
    },
  }).catch((error: Error) => {
    throw new Error(`${error.message}; sizes: ${last.map((h, i) => `${nodes[i]?.id} ${h.treeSize}`).join(', ')}`)
  })
  const first = heads[0] as Head
  heads.forEach((h, i) => {
    if (h.rootHash !== first.rootHash || h.stateDigest !== first.stateDigest) {
      throw new Error(`${nodes[i]?.id} differs at size ${h.treeSize}: root ${h.rootHash} vs ${first.rootHash}`)
    }
  })
  return { treeSize: first.treeSize, rootHash: first.rootHash, stateDigest: first.stateDigest }
}

async function agreeOnFinal(
  p: CheckNetworkParameters,
  needed: number,
  timeoutMs: number,
  failures: string[],
): Promise<FinalCheckpointView | undefined> {
  let last: string[] = []
  let finals: FinalCheckpointView[]
  try {
    finals = await waitUntil({
      what: `every node to serve the same final checkpoint of at least ${needed} entries`,
      timeoutMs,
      check: async () => {
        const answers = await Promise.all(p.nodes.map((n) => getFinal(n.url)))
        last = answers.map((a, i) => `${p.nodes[i]?.id}: ${a.ok ? `final size ${a.final.treeSize}` : a.problem}`)
        const ok = answers.flatMap((a) => (a.ok ? [a.final] : []))
        if (ok.length < answers.length) return undefined
        const size = ok[0]?.treeSize ?? 0
        return size >= needed && ok.every((f) => f.treeSize === size) ? ok : undefined
      },
    })
  } catch (error) {
    failures.push(`${(error as Error).message} (${last.join('; ')})`)
    return undefined
  }
  const final = finals[0] as FinalCheckpointView
  for (const [i, f] of finals.entries()) {
    const id = p.nodes[i]?.id
    if (f.rootHash !== final.rootHash) failures.push(`${id}'s final checkpoint has another root at size ${f.treeSize}`)
    try {
      const trust = trustFromGenesis(p.genesis)
      const { checkpoint, cosigners } = verifyCheckpoint({ note: f.note, ...trust })
      if (checkpoint.treeSize !== f.treeSize || Buffer.from(checkpoint.rootHash).toString('base64') !== f.rootHash) {
        failures.push(`${id}'s final checkpoint note does not match its size and root`)
      }
      if (cosigners.length < p.genesis.witnessQuorum) failures.push(`${id}'s final checkpoint lacks the quorum`)
    } catch (error) {
      failures.push(`${id}'s final checkpoint does not verify with the genesis quorum: ${(error as Error).message}`)
    }
  }
  return final
}

async function getFinal(
  url: string,
): Promise<{ ok: true; final: FinalCheckpointView } | { ok: false; problem: string }> {
  const response = await fetch(`${url}/v1/checkpoints/final`, { signal: AbortSignal.timeout(5_000) })
  const text = await response.text()
  if (response.status !== 200) return { ok: false, problem: `HTTP ${response.status} ${text.slice(0, 120)}` }
  return { ok: true, final: JSON.parse(text) as FinalCheckpointView }
}

// The latest checkpoint of a node carries its own cosignature; only a final
// one carries the quorum. The mirror checks the latest with quorum 1.
async function checkLog(node: CheckedNode, p: CheckNetworkParameters, failures: string[]): Promise<void> {
  const mirror = createLogMirror({ genesis: { ...p.genesis, witnessQuorum: 1 } })
  try {
    await withRetries(() => mirror.sync(createClient({ baseUrl: node.url })))
  } catch (error) {
    failures.push(`${node.id}'s log does not check: ${(error as Error).message}`)
    return
  }
  const missing = p.acks.filter((a) => mirror.txids[a.index] !== a.txid)
  if (missing.length > 0) {
    const first = missing[0] as Acknowledgement
    failures.push(
      `${node.id} lacks ${missing.length} acknowledged transactions, e.g. ${first.txid} at index ${first.index}`,
    )
  }
}

/** Verifies each receipt (once per checkpoint note for the signatures); answers tree size → root. */
function verifyReceipts(p: CheckNetworkParameters, failures: string[]): Map<number, string> {
  const trusted = p.trustReceipt ?? (() => true)
  const trust = { ...trustFromGenesis(p.genesis), witnessQuorum: 1 }
  const roots = new Map<number, string>()
  const verifiedNotes = new Map<string, Checkpoint>()
  let bad = 0
  for (const a of p.acks) {
    if (!trusted(a)) continue
    try {
      // Receipts of one block share their signed checkpoint: its signatures
      // are verified once, then each receipt's inclusion against its root.
      let checkpoint = verifiedNotes.get(a.receipt.checkpoint)
      if (checkpoint === undefined) {
        checkpoint = verifyReceipt({ receipt: a.receipt, trust }).checkpoint
        verifiedNotes.set(a.receipt.checkpoint, checkpoint)
      } else {
        const { leaf, index, treeSize, inclusionProof } = assertReceipt(a.receipt)
        if (treeSize !== checkpoint.treeSize) throw new Error('the receipt and its checkpoint differ in size')
        const rootHash = Buffer.from(checkpoint.rootHash).toString('base64')
        checkInclusion({ leaf, index, treeSize, rootHash, proof: inclusionProof })
      }
      if (
        decodeLeaf({ leaf: a.receipt.leaf }).txid !== a.txid ||
        a.receipt.txid !== a.txid ||
        a.receipt.index !== a.index
      ) {
        throw new Error('the receipt names another transaction')
      }
      roots.set(checkpoint.treeSize, Buffer.from(checkpoint.rootHash).toString('base64'))
    } catch (error) {
      if (bad++ === 0) failures.push(`receipt of ${a.txid} does not verify: ${(error as Error).message}`)
    }
  }
  if (bad > 1) failures.push(`${bad} receipts in all do not verify`)
  return roots
}

async function proveConsistent(
  node: CheckedNode,
  roots: Map<number, string>,
  anchor: { treeSize: number; rootHash: string },
  failures: string[],
): Promise<number> {
  const client = createClient({ baseUrl: node.url })
  const sizes = [...roots.keys()]
  let proven = 0
  let bad = 0
  const prove = async (treeSize: number) => {
    const rootHash = roots.get(treeSize) as string
    try {
      if (treeSize > anchor.treeSize) throw new Error(`a receipt's tree (${treeSize}) is larger than the checkpoint`)
      if (treeSize === anchor.treeSize) {
        if (rootHash !== anchor.rootHash) throw new Error(`another root at size ${treeSize}`)
      } else {
        const { proof } = await withRetries(() => client.getConsistencyProof({ from: treeSize, to: anchor.treeSize }))
        checkConsistency({ from: { treeSize, rootHash }, to: anchor, proof })
      }
      proven++
    } catch (error) {
      if (bad++ === 0) failures.push(`${node.id}: receipts of size ${treeSize}: ${(error as Error).message}`)
    }
  }
  const workers = Array.from({ length: 8 }, async () => {
    for (let size = sizes.pop(); size !== undefined; size = sizes.pop()) await prove(size)
  })
  await Promise.all(workers)
  if (bad > 1) failures.push(`${node.id}: ${bad} receipt tree sizes in all are not consistent with the checkpoint`)
  return proven
}

// A kept-alive connection the server has just closed fails the next request
// (UND_ERR_SOCKET); that is the transport, not the node's answer.
async function withRetries<T>(call: () => Promise<T>, attempts = 3): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await call()
    } catch (error) {
      if (i >= attempts || (error as { code?: string }).code !== 'NETWORK_ERROR') throw error
    }
  }
}
