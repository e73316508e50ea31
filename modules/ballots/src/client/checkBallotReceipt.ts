import { type ReceiptTrust, verifyReceipt } from '@tabularium/log'
import { type Token, tokenNullifier } from '@tabularium/voting'
import { answersDigest, parseEntry, type RecountResult } from './recountFromEntries.js'

/** What a voter learns from their receipt. */
export type BallotReceiptCheck = {
  /** `counted`: this very ballot is in the count, unchanged; `replaced`: a later ballot with the same token counts instead. */
  status: 'counted' | 'replaced' | 'not-counted'
  index: number
  txid: string
  nullifier: string | null
}

/**
 * A voter's check, offline: the receipt proves (Merkle inclusion under a
 * cosigned checkpoint) that their ballot entry is in the log; the recount
 * shows that the entry at that index, with the same answers digest, is one
 * of the ballots counted. Throws the log's error for a receipt that does not verify.
 *
 * @example checkBallotReceipt({ receipt, trust, recount: recountFromEntries(entries, { ballot: 'pb-2026' }) }).status // 'counted'
 */
export function checkBallotReceipt(p: {
  receipt: unknown
  trust: ReceiptTrust
  recount: RecountResult
}): BallotReceiptCheck {
  const { index, leaf } = verifyReceipt({ receipt: p.receipt, trust: p.trust })
  const entry = JSON.parse(new TextDecoder().decode(leaf)) as Record<string, unknown>
  const parsed = parseEntry({ index, entry })
  const args = parsed?.args as { ballot?: string; answers?: unknown } | undefined
  if (parsed === null || parsed.action !== 'cast' || args?.ballot !== p.recount.ballot) {
    return { status: 'not-counted', index, txid: String(entry.txid), nullifier: null }
  }
  const nullifier = tokenNullifier({ ballotId: p.recount.ballot, token: (args as { token: Token }).token })
  const counted = p.recount.counted.find((c) => c.nullifier === nullifier)
  const same =
    counted?.index === index && counted.txid === parsed.txid && counted.answersDigest === answersDigest(args.answers)
  if (same) return { status: 'counted', index, txid: parsed.txid, nullifier }
  const status = counted !== undefined && counted.index > index ? 'replaced' : 'not-counted'
  return { status, index, txid: parsed.txid, nullifier }
}
