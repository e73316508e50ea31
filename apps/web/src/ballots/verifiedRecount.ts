import { type ReceiptTrust, readLeafRange } from '@tabularium/log'
import { type ExportedEntry, type RecountResult, recountFromEntries } from '@tabularium/module-ballots/client'
import { query } from '../api/client.js'
import { RecountVerificationError, type TrustedCheckpoint, trustedCheckpoint } from './recountCheckpoint.js'

/** What a recount reports while it runs. */
export type RecountProgress =
  | { stage: 'checkpoint' }
  | { stage: 'entries'; read: number; total: number }
  | { stage: 'recount'; entries: number }

/** A recount from a verified, complete range of the log. */
export type VerifiedRecount = RecountResult & {
  /** Log entries read and proved under the checkpoint: [range.start, range.end). */
  entries: number
  range: { start: number; end: number }
  checkpoint: Omit<TrustedCheckpoint, 'rootBytes'>
  /** True when the range runs from the ballot's creation to the checkpoint's end, or to its published tally. */
  complete: boolean
  ms: number
}

/**
 * Recounts a ballot without trusting the node for completeness: verifies a
 * checkpoint with the network's keys, reads every log entry from the
 * ballot's creation to the checkpoint's end (or to its published tally) from
 * the C2SP tiles, proves they are exactly the log's leaves under that root
 * (`readLeafRange`), and recounts from them — `recountFromEntries` picks the
 * ballot's entries itself, so an entry the node left out or altered shows as
 * a failed proof or a problem. The node only names where to start and end;
 * a wrong answer there shows as a missing ballot or tally.
 *
 * @example const r = await verifiedRecount({ ballot: 'pb-2026', trust }); r.complete && r.matches
 */
export async function verifiedRecount(p: {
  ballot: string
  trust: ReceiptTrust
  onProgress?: (progress: RecountProgress) => void
}): Promise<VerifiedRecount> {
  p.onProgress?.({ stage: 'checkpoint' })
  const checkpoint = await trustedCheckpoint(p.trust)
  const range = await rangeOf(p.ballot, checkpoint.treeSize)
  const entries = await readEntries({ ...range, checkpoint, onProgress: p.onProgress })
  p.onProgress?.({ stage: 'recount', entries: entries.length })
  const started = performance.now()
  const result = recountFromEntries(entries, { ballot: p.ballot })
  const endsAtTally = range.end < checkpoint.treeSize
  if (endsAtTally && result.published === null)
    result.problems.push(`entry ${range.end - 1}, named by the node as the published tally, is not this ballot's tally`)
  const { rootBytes: _, ...shown } = checkpoint
  return {
    ...result,
    entries: entries.length,
    range,
    checkpoint: shown,
    complete: !endsAtTally || result.published !== null,
    ms: Math.round(performance.now() - started),
  }
}

// Where the ballot's entries start (its creation) and where they may end: the
// checkpoint's end, or just after the published tally when the checkpoint holds it.
async function rangeOf(ballot: string, treeSize: number): Promise<{ start: number; end: number }> {
  const [first, result] = await Promise.all([
    query<{ indexes: number[] }>('ballots', 'entries', { id: ballot, after: -1, limit: 1 }),
    query<{ status: string; index?: number }>('ballots', 'result', { id: ballot }),
  ])
  const start = first.indexes[0]
  if (start === undefined) throw new RecountVerificationError('NOT_FOUND', `the log has no entry for ${ballot}`)
  if (start >= treeSize)
    throw new RecountVerificationError('NOT_FINAL', `the ballot's entries are not yet under a checkpoint`)
  const tally = result.status === 'published' ? result.index : undefined
  const end = typeof tally === 'number' && tally >= start && tally < treeSize ? tally + 1 : treeSize
  return { start, end }
}

async function readEntries(p: {
  start: number
  end: number
  checkpoint: TrustedCheckpoint
  onProgress?: ((progress: RecountProgress) => void) | undefined
}): Promise<ExportedEntry[]> {
  let leaves: Uint8Array[]
  try {
    leaves = await readLeafRange({
      start: p.start,
      end: p.end,
      treeSize: p.checkpoint.treeSize,
      rootHash: p.checkpoint.rootBytes,
      fetchTile,
      onProgress: (read, total) => p.onProgress?.({ stage: 'entries', read, total }),
    })
  } catch (error) {
    if (error instanceof RecountVerificationError) throw error
    const e = error as { code?: string; message?: string }
    throw new RecountVerificationError(e.code ?? 'INVALID_PROOF', `the log's entries do not verify: ${e.message}`)
  }
  const decoder = new TextDecoder('utf-8', { fatal: true })
  return leaves.map((leaf, i) => ({ index: p.start + i, entry: parseLeaf(decoder, leaf) }))
}

// A leaf is the JCS text of a log entry; one that is not JSON counts as another module's.
function parseLeaf(decoder: TextDecoder, leaf: Uint8Array): unknown {
  try {
    return JSON.parse(decoder.decode(leaf))
  } catch {
    return null
  }
}

async function fetchTile(path: string): Promise<Uint8Array> {
  let response: Response
  try {
    response = await fetch(`/tlog/${path}`)
  } catch (cause) {
    throw new RecountVerificationError('NODE_UNREACHABLE', `/tlog/${path}: ${String(cause)}`)
  }
  if (!response.ok) throw new RecountVerificationError('NODE_UNREACHABLE', `/tlog/${path}: HTTP ${response.status}`)
  return new Uint8Array(await response.arrayBuffer())
}
