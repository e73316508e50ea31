import { combineDealings, judgeComplaint, VotingError, verifyCeremonyKey } from '@tabularium/voting'
import { ceremonyDeadlineOf } from '../rules/absence.js'
import { ComplaintArgsSchema } from '../schemas.js'
import type { BallotRecord } from '../types.js'

/** The ceremony's accepted entries, as a recount collects them (signers are DIDs). */
export type CeremonyEntries = {
  keys: { signer: string; key: string; proof: unknown }[]
  dealings: { signer: string; commitments: string[]; shares: string[] }[]
  complaints: { index: number; signer: string; args: unknown }[]
  /** The accepted `closeCeremony`, if any. */
  close: { index: number; time: string } | null
}

/** The election key the log fixes, and QUAL; null when the ceremony did not finish. */
export type RecountedCeremony = { publicKey: string; commitments: string[]; qualified: string[] } | null

/**
 * Re-derives the election key from the ceremony's entries alone: every
 * accepted complaint is judged again (`judgeComplaint`), its dealer leaves
 * QUAL; after a close (which must come at or after the ceremony deadline),
 * so does every trustee without a dealing (`absent`); fewer than t left is
 * no key; the key is the sum of QUAL's commitments. Which member a signer
 * is comes from its ceremony key's proof, bound to `<ballot>/<member>` — the
 * entries name no member otherwise — and is worked out only when there are
 * complaints or absent trustees.
 *
 * @example const ceremony = recountCeremony({ ballot, entries, problems })
 */
export function recountCeremony(p: { ballot: BallotRecord; entries: CeremonyEntries; problems: string[] }) {
  const { ballot, entries } = p
  const everyone = entries.dealings.length === ballot.trustees.length
  if (everyone && entries.complaints.length === 0) {
    const joint = combineDealings({ commitments: entries.dealings.map((d) => d.commitments) })
    return { ...joint, qualified: [...ballot.trustees] }
  }
  const { close } = entries
  if (!everyone && close === null) return null
  if (close !== null && Date.parse(close.time) < Date.parse(ceremonyDeadlineOf(ballot)))
    p.problems.push(`entry ${close.index}: the key ceremony was closed before its deadline`)
  const members = membersOf(ballot, entries)
  const disqualified = new Set<string>()
  for (const c of entries.complaints) {
    const dealer = judged({ ballot, entries, members, complaint: c })
    if (dealer === null) p.problems.push(`entry ${c.index}: an accepted complaint does not hold`)
    else disqualified.add(dealer)
  }
  const dealt = new Map(entries.dealings.map((d) => [members.get(d.signer), d.commitments]))
  // Without a close every trustee not disqualified must have dealt; after it, the others are absent.
  const present = ballot.trustees.filter((t) => !disqualified.has(t))
  const qualified = present.filter((t) => dealt.has(t))
  if (qualified.length < ballot.threshold || (close === null && qualified.length < present.length)) return null
  return { ...combineDealings({ commitments: qualified.map((t) => dealt.get(t) as string[]) }), qualified }
}

// Signer DID → member id, from the proofs of the registered ceremony keys.
function membersOf(ballot: BallotRecord, entries: CeremonyEntries): Map<string, string> {
  const members = new Map<string, string>()
  for (const k of entries.keys) {
    const member = ballot.trustees.find((t) =>
      holds(() => verifyCeremonyKey({ ...k, publicKey: k.key, context: `${ballot.id}/${t}` })),
    )
    if (member !== undefined) members.set(k.signer, member)
  }
  return members
}

// The dealer a complaint disqualified, or null when it does not hold.
function judged(p: {
  ballot: BallotRecord
  entries: CeremonyEntries
  members: Map<string, string>
  complaint: { signer: string; args: unknown }
}): string | null {
  const args = ComplaintArgsSchema.safeParse(p.complaint.args)
  const complainer = p.members.get(p.complaint.signer)
  if (!args.success || complainer === undefined) return null
  const { dealer, sharedKey, proof } = args.data
  const signerOf = (member: string) => [...p.members].find(([, m]) => m === member)?.[0]
  const dealerKey = p.entries.keys.find((k) => k.signer === signerOf(dealer))?.key
  const complainerKey = p.entries.keys.find((k) => k.signer === p.complaint.signer)?.key
  const dealing = p.entries.dealings.find((d) => d.signer === signerOf(dealer))
  const index = p.ballot.trustees.indexOf(complainer) + 1
  if (dealerKey === undefined || complainerKey === undefined || dealing === undefined) return null
  const ciphertext = dealing.shares[index - 1] as string
  const complaint = { sharedKey, proof }
  try {
    const verdict = judgeComplaint({
      ballot: p.ballot.id,
      dealer,
      dealerKey,
      complainer,
      complainerKey,
      index,
      ciphertext,
      commitments: dealing.commitments,
      complaint,
    })
    return verdict.founded ? dealer : null
  } catch (error) {
    if (error instanceof VotingError) return null
    throw error
  }
}

function holds(check: () => unknown): boolean {
  try {
    check()
    return true
  } catch {
    return false
  }
}
