import type { SandboxMember } from '@tabularium/module-governance'
import {
  type CeremonyKey,
  createCeremonyKey,
  dealEncryptedShares,
  type EncryptedDealing,
  type KeyShare,
  openReceivedShares,
  type ReceivedDealing,
  type ReceivedShares,
  sumShares,
} from '@tabularium/voting'
import type { BallotsLedger } from './ballotFixture.js'

/** Sends and throws unless accepted: the steps of an honest ceremony. */
async function must(t: BallotsLedger, member: SandboxMember, action: string, args: Record<string, unknown>) {
  const res = await t.send(member, action, args)
  if (res.code !== 'ok') throw Object.assign(new Error(`${action} by ${member.id}: ${res.code}`), { code: res.code })
}

/**
 * Step 1: every member makes and registers its ceremony key for `ballot`;
 * returns the keys (secrets included), in member order.
 *
 * @example const keys = await registerCeremonyKeys(t, 'pb-2026')
 */
export async function registerCeremonyKeys(t: BallotsLedger, ballot: string): Promise<CeremonyKey[]> {
  const keys = t.members.map((m) => createCeremonyKey({ context: `${ballot}/${m.id}` }))
  for (const [i, member] of t.members.entries()) {
    const key = keys[i] as CeremonyKey
    await must(t, member, 'registerCeremonyKey', { ballot, key: key.publicKey, proof: key.proof })
  }
  return keys
}

/**
 * Step 2: every member deals, its shares encrypted to the registered keys.
 * `corrupt` lets a test replace a dealer's encrypted shares before they are sent.
 *
 * @example const dealings = await dealAll(t, 'pb-2026', 2, keys, { corrupt: (i, shares) => shares })
 */
export async function dealAll(
  t: BallotsLedger,
  ballot: string,
  threshold: number,
  keys: CeremonyKey[],
  options: { corrupt?: (dealer: number, shares: string[]) => string[] } = {},
): Promise<EncryptedDealing[]> {
  const trustees = t.members.map((m, j) => ({ id: m.id, key: (keys[j] as CeremonyKey).publicKey }))
  const dealings = t.members.map((m, i) =>
    dealEncryptedShares({ ballot, dealer: m.id, secret: (keys[i] as CeremonyKey).secret, threshold, trustees }),
  )
  for (const [i, member] of t.members.entries()) {
    const { commitments, proof, encryptedShares } = dealings[i] as EncryptedDealing
    const shares = options.corrupt?.(i, encryptedShares) ?? encryptedShares
    await must(t, member, 'submitDealing', { ballot, commitments, proof, shares })
  }
  return dealings
}

/**
 * Step 3, in member j's place: reads its encrypted shares from the ledger
 * (`encryptedShares` query), decrypts and verifies them.
 *
 * @example const { shares, bad } = openSharesOf(t, 'pb-2026', 1, keys[1])
 */
export function openSharesOf(t: BallotsLedger, ballot: string, j: number, key: CeremonyKey): ReceivedShares {
  const recipient = (t.members[j] as SandboxMember).id
  const view = t.ledger.query('ballots', 'encryptedShares', { ballot, trustee: recipient }) as {
    index: number
    dealings: ReceivedDealing[]
  }
  return openReceivedShares({ ballot, recipient, index: view.index, secret: key.secret, dealings: view.dealings })
}

/** A trustee's share of the election key: the sum of the shares it received from QUAL. */
export function finalShare(received: ReceivedShares, qualified: string[]): KeyShare {
  return sumShares(qualified.map((dealer) => received.shares[dealer] as KeyShare))
}

/**
 * The key ceremony by the three members, all honest: each registers its
 * ceremony key, deals encrypted shares, opens and checks the shares it
 * received, and confirms. Returns each trustee's share of the election key
 * (kept off the ledger), in member order.
 *
 * @example const shares = await runCeremony(t, 'pb-2026', 2)
 */
export async function runCeremony(t: BallotsLedger, ballot: string, threshold: number): Promise<KeyShare[]> {
  const keys = await registerCeremonyKeys(t, ballot)
  await dealAll(t, ballot, threshold, keys)
  const received = t.members.map((_, j) => openSharesOf(t, ballot, j, keys[j] as CeremonyKey))
  for (const [j, member] of t.members.entries()) {
    if ((received[j] as ReceivedShares).bad.length > 0) throw new Error(`${member.id} received bad shares`)
    await must(t, member, 'confirmShares', { ballot })
  }
  const qualified = t.members.map((m) => m.id)
  return received.map((r) => finalShare(r, qualified))
}
