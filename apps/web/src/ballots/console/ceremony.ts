import { absentTrustees, dealToRegistered, electionOf } from '@tabularium/module-ballots/client'
import {
  createCeremonyKey,
  fileComplaint,
  type KeyShare,
  openReceivedShares,
  partialDecrypt,
  sumShares,
} from '@tabularium/voting'
import type { NetworkInfo } from '../../api/types.js'
import { signAndSubmit } from '../../console/submit.js'
import type { StoredKey } from '../../lib/keys.js'
import { type BallotView, getEncryptedShares, getEncryptedTally } from '../api.js'
import { tb } from '../i18n/tb.js'
import { recountInBrowser } from '../recount.js'
import { getTrustee, saveTrustee, type TrusteeRecord } from '../store.js'

// The key ceremony from a trustee's browser (DKG with encrypted shares on the
// ledger and complaints): register a ceremony key, deal, check the shares
// received and confirm (complaining about any bad one). The only secret kept
// here is the ceremony key; with it and the ledger, the trustee's share of
// the election key can always be recomputed — which is what the backup file holds.

type Step = { key: StoredKey; network: NetworkInfo; ballot: BallotView; self: string }

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

async function recordOf(ballot: string): Promise<TrusteeRecord> {
  const record = await getTrustee(ballot)
  if (!record?.ceremonyKey) throw new Error('this browser holds no ceremony key of this trustee for the ballot')
  return record
}

/** Step 1: makes this trustee's ceremony key, keeps it here, and registers its public half. */
export async function registerKey(p: Step) {
  const made = createCeremonyKey({ context: `${p.ballot.id}/${p.self}` })
  const record: TrusteeRecord = {
    ballot: p.ballot.id,
    trustee: p.self,
    ceremonyKey: { secret: made.secret, publicKey: made.publicKey },
    received: {},
    share: null,
  }
  // Kept before it is published: a registered key whose secret was lost could open no share.
  await saveTrustee(record)
  await submitBallots(p.key, p.network, 'registerCeremonyKey', {
    ballot: p.ballot.id,
    key: made.publicKey,
    proof: made.proof,
  })
  return record
}

/**
 * Step 2: deals, share j encrypted to trustee j's registered key ('' for a
 * trustee without one, allowed from the ceremony deadline); the plaintext
 * shares are not kept.
 */
export async function deal(p: Step) {
  const record = await recordOf(p.ballot.id)
  const { ballot, threshold } = { ballot: p.ballot.id, threshold: p.ballot.threshold }
  const dealing = dealToRegistered({
    ballot,
    dealer: p.self,
    secret: record.ceremonyKey.secret,
    threshold,
    trustees: p.ballot.trustees,
    keys: p.ballot.ceremony.keys,
  })
  const { commitments, proof, encryptedShares: shares } = dealing
  await submitBallots(p.key, p.network, 'submitDealing', { ballot, commitments, proof, shares })
}

/** From the ceremony deadline: closes the ceremony; returns the trustees it disqualified as absent. */
export async function closeKeyCeremony(p: { key: StoredKey; network: NetworkInfo; ballot: BallotView }) {
  await submitBallots(p.key, p.network, 'closeCeremony', { ballot: p.ballot.id })
  return absentTrustees(p.ballot, {
    dealings: Object.fromEntries(p.ballot.ceremony.dealt.map((d) => [d, []])),
    disqualified: p.ballot.ceremony.disqualified,
  })
}

/** Reads this trustee's encrypted shares from the ledger, decrypts and verifies them, and keeps the good ones. */
async function openShares(p: Step, record: TrusteeRecord) {
  const view = await getEncryptedShares(p.ballot.id, p.self)
  const opened = openReceivedShares({
    ballot: p.ballot.id,
    recipient: p.self,
    index: view.index,
    secret: record.ceremonyKey.secret,
    dealings: view.dealings,
  })
  await saveTrustee({ ...record, received: opened.shares })
  return { ...opened, view }
}

/**
 * Step 3: checks every share received; files a complaint (with the proof of
 * the shared key) about each dealer whose share is bad, then confirms.
 * Returns the dealers complained about.
 */
export async function checkAndConfirm(p: Step): Promise<string[]> {
  const record = await recordOf(p.ballot.id)
  const { bad, view } = await openShares(p, record)
  const accused = bad.map((b) => b.dealer).filter((d) => p.ballot.ceremony.disqualified[d] === undefined)
  for (const dealer of accused) {
    const dealerKey = view.dealings.find((d) => d.dealer === dealer)?.key as string
    const complaint = fileComplaint({
      ballot: p.ballot.id,
      dealer,
      complainer: p.self,
      secret: record.ceremonyKey.secret,
      dealerKey,
    })
    await submitBallots(p.key, p.network, 'complainDealing', { ballot: p.ballot.id, dealer, ...complaint })
  }
  await submitBallots(p.key, p.network, 'confirmShares', { ballot: p.ballot.id })
  return accused
}

/** This trustee's share of the election key: the sum of the qualified dealers' shares (opened again if needed). */
export async function jointShare(p: Step): Promise<KeyShare> {
  let record = await recordOf(p.ballot.id)
  const qualified = p.ballot.ceremony.qualified
  if (!qualified) throw new Error('the election key is not fixed yet')
  if (record.share) return record.share
  if (qualified.some((d) => !record.received[d])) record = { ...record, received: (await openShares(p, record)).shares }
  const share = sumShares(qualified.map((d) => record.received[d] as KeyShare))
  await saveTrustee({ ...record, share })
  return share
}

/** After the close: this trustee's partial decryption of the encrypted tally, with its proofs, published. */
export async function reveal(p: Step) {
  const publicKey = p.ballot.ceremony.publicKey
  if (!publicKey) throw new Error('the ballot has no election key')
  const share = await jointShare(p)
  const { tally } = await getEncryptedTally(p.ballot.id)
  if (!tally) throw new Error('no ballot was counted: nothing to decrypt')
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

/** The trustee key file (backup): with it and the ledger, this trustee's share can be recomputed anywhere. */
export function trusteeKeyFile(record: TrusteeRecord): string {
  return JSON.stringify({ ballot: record.ballot, trustee: record.trustee, ceremonyKey: record.ceremonyKey })
}

/** Restores the ceremony key from a trustee key file, after checking it is this trustee's registered key. */
export async function restoreKey(p: { ballot: BallotView; self: string; text: string }) {
  const file = JSON.parse(p.text) as Partial<TrusteeRecord>
  const registered = p.ballot.ceremony.keys[p.self]
  const key = file.ceremonyKey
  if (file.ballot !== p.ballot.id || file.trustee !== p.self || !key?.secret || key.publicKey !== registered)
    throw new Error(tb('manage.restoreWrong'))
  await saveTrustee({ ballot: p.ballot.id, trustee: p.self, ceremonyKey: key, received: {}, share: null })
}
