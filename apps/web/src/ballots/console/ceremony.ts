import { electionOf } from '@tabularium/module-ballots/client'
import { dealShares, type KeyShare, partialDecrypt, sumShares, verifyShare } from '@tabularium/voting'
import type { NetworkInfo } from '../../api/types.js'
import { signAndSubmit } from '../../console/submit.js'
import type { StoredKey } from '../../lib/keys.js'
import { type BallotView, getEncryptedTally } from '../api.js'
import { fetchProcessEntries, recountInBrowser } from '../recount.js'
import { getTrustee, saveTrustee, type TrusteeRecord } from '../store.js'

/** Signs and submits a ballots action with the console key; throws the refusal with its code. */
export async function submitBallots(
  key: StoredKey,
  network: NetworkInfo,
  action: string,
  args: Record<string, unknown>,
) {
  const result = await signAndSubmit({ key, network: network.network, module: 'ballots', action, args })
  if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code })
  if (result.outcome.status !== 'accepted')
    throw Object.assign(new Error(result.outcome.message), { code: result.outcome.code })
  return result
}

/**
 * Step 1 of the key ceremony (joint-Feldman DKG): this trustee deals a
 * random polynomial, publishes its commitments on the ledger and keeps the
 * shares here; share i goes to trustee i (its own is kept, the others are
 * downloaded and handed over off the ledger).
 */
export async function deal(p: { key: StoredKey; network: NetworkInfo; ballot: BallotView; self: string }) {
  const n = p.ballot.trustees.length
  // Bound to this ballot and trustee: the proof that this trustee knows its secret (no rogue keys).
  const dealing = dealShares({ threshold: p.ballot.threshold, trustees: n, context: `${p.ballot.id}/${p.self}` })
  const own = p.ballot.trustees.indexOf(p.self)
  const record: TrusteeRecord = {
    ballot: p.ballot.id,
    dealing,
    received: { [p.self]: dealing.shares[own] as KeyShare },
    share: null,
  }
  // Kept before it is published: a dealing on the ledger whose shares were lost could never be confirmed.
  await saveTrustee(record)
  const { commitments, proof } = dealing
  await submitBallots(p.key, p.network, 'submitDealing', { ballot: p.ballot.id, commitments, proof })
  return record
}

/** Each dealer's commitments, read from the log (member id → commitments). */
export async function dealingsOnLedger(ballot: string, network: NetworkInfo): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {}
  for (const row of await fetchProcessEntries(ballot)) {
    const entry = (row as { entry?: { tx?: { action?: string; signer?: string; args?: { commitments?: string[] } } } })
      .entry
    if (entry?.tx?.action !== 'submitDealing') continue
    const member = network.members.find((m) => m.did === entry.tx?.signer)?.id
    if (member && entry.tx.args?.commitments) out[member] = entry.tx.args.commitments
  }
  return out
}

/** Adds a share received from another trustee, after checking it against that dealer's commitments. */
export async function receiveShare(p: { ballot: string; from: string; share: KeyShare; commitments: string[] }) {
  verifyShare({ share: p.share, commitments: p.commitments })
  const record = await getTrustee(p.ballot)
  if (!record) throw new Error('no dealing of this trustee for the ballot')
  const next = { ...record, received: { ...record.received, [p.from]: p.share } }
  await saveTrustee(next)
  return next
}

/** Step 2: every dealing's share verified, this trustee confirms and keeps its joint share. */
export async function confirm(p: { key: StoredKey; network: NetworkInfo; ballot: BallotView }) {
  const record = await getTrustee(p.ballot.id)
  if (!record) throw new Error('no dealing of this trustee for the ballot')
  const dealings = await dealingsOnLedger(p.ballot.id, p.network)
  const shares = p.ballot.trustees.map((t) => {
    const share = record.received[t]
    const commitments = dealings[t]
    if (!share || !commitments) throw new Error(`missing the share or the dealing of ${t}`)
    verifyShare({ share, commitments })
    return share
  })
  const next = { ...record, share: sumShares(shares) }
  await saveTrustee(next)
  await submitBallots(p.key, p.network, 'confirmShares', { ballot: p.ballot.id })
  return next
}

/** After the close: this trustee's partial decryption of the encrypted tally, with its proofs, published. */
export async function reveal(p: { key: StoredKey; network: NetworkInfo; ballot: BallotView }) {
  const record = await getTrustee(p.ballot.id)
  const publicKey = p.ballot.ceremony.publicKey
  if (!record?.share || !publicKey) throw new Error('this browser holds no confirmed share of the election key')
  const { tally } = await getEncryptedTally(p.ballot.id)
  if (!tally) throw new Error('no ballot was counted: nothing to decrypt')
  const share = record.share
  const partials = p.ballot.questions.map((q, i) =>
    partialDecrypt({ election: electionOf(p.ballot.id, q, publicKey), tally: tally[i] ?? [], share }),
  )
  await submitBallots(p.key, p.network, 'publishPartial', { ballot: p.ballot.id, partials })
}

/** Recounts in this browser from the log (trustees' partials included) and publishes the counts. */
export async function publishResult(p: { key: StoredKey; network: NetworkInfo; ballot: BallotView }) {
  const recount = await recountInBrowser(p.ballot.id)
  if (recount.counts === null) throw new Error(recount.problems.join('; ') || 'the tally cannot be decrypted yet')
  await submitBallots(p.key, p.network, 'publishTally', { ballot: p.ballot.id, counts: recount.counts })
  return recount.counts
}
