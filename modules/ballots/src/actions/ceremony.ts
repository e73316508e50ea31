import { defineAction } from '@tabularium/ledger'
import { combineDealings, verifyCeremonyKey, verifyDealerKnowledge } from '@tabularium/voting'
import { fail } from '../fail.js'
import { ceremonyKey, sharesKey } from '../keys.js'
import {
  assertAllHave,
  assertDealt,
  assertNotClosed,
  checked,
  pastDeadline,
  settleCeremony,
} from '../rules/ceremony.js'
import { CeremonyKeyArgsSchema, ConfirmArgsSchema, DealingArgsSchema } from '../schemas.js'
import type { BallotRecord, Ceremony } from '../types.js'
import { ceremonyStep } from './ceremonyStep.js'

// The key ceremony is the joint-Feldman DKG of Pedersen with the complaint
// phase of Gennaro, Jarecki, Krawczyk and Rabin, in the open: every trustee
// registers an encryption key; every trustee publishes the Feldman
// commitments of its polynomial, with a proof that it knows the secret
// behind the first one (no rogue keys), and share j encrypted to trustee j;
// each trustee decrypts and checks its shares (`verifyShare`) and confirms,
// or complains (complaints.ts) and the ledger disqualifies a dealer whose
// share is bad. The election key is the sum of the qualified dealers'
// constant-term commitments — no one ever held it. From the ceremony
// deadline the absent need not stall it (closeCeremony.ts).

/**
 * `ballots.registerCeremonyKey`: a trustee's encryption key for this
 * ballot's ceremony, E = e·g, with its proof of knowledge of e for
 * `<ballot>/<trustee>`; once, before the ballot opens, the close and any
 * dealing (the first dealing fixes who receives shares).
 *
 * @example { ballot: 'pb-2026', key: ceremonyKey.publicKey, proof: ceremonyKey.proof } // createCeremonyKey({ context: 'pb-2026/gent' })
 */
export const registerCeremonyKey = defineAction({
  description: "Registers a trustee's encryption key for the key ceremony (the dealers encrypt its shares to it).",
  args: CeremonyKeyArgsSchema,
  access: { roles: ['member'] },
  execute(ctx, args) {
    const { ballot, member, ceremony } = ceremonyStep(ctx, args.ballot)
    if (ceremony.keys[member] !== undefined) fail('ALREADY_EXISTS', `${member} has registered its ceremony key already`)
    assertNotClosed(ballot, ceremony)
    if (Object.keys(ceremony.dealings).length > 0)
      fail('CONFLICT', `the dealing of ${ballot.id} has begun: its shares went to the keys registered before it`)
    const context = `${ballot.id}/${member}`
    checked(`a ceremony key for ${context}`, () =>
      verifyCeremonyKey({ publicKey: args.key, proof: args.proof, context }),
    )
    ctx.put(ceremonyKey(args.ballot), { ...ceremony, keys: { ...ceremony.keys, [member]: args.key } } as never)
    ctx.emit('ceremonyKeyRegistered', { ballot: args.ballot, trustee: member })
  },
})

/**
 * `ballots.submitDealing`: a trustee's Feldman commitments (t points), its
 * proof of knowledge of a_0 for `<ballot>/<trustee>` and one encrypted share
 * per trustee (in the ballot's order), once every trustee's ceremony key is
 * registered — or, from the ceremony deadline, with '' for each trustee
 * without a key — and before the close and the opening. The log never holds
 * a share in the clear.
 *
 * @example { ballot: 'pb-2026', commitments: ['BGx…', 'BH2…'], proof: { challenge, response }, shares: ['q3…', …] }
 */
export const submitDealing = defineAction({
  description: "Publishes a trustee's Feldman commitments and encrypted shares for the election key (key ceremony).",
  args: DealingArgsSchema,
  access: { roles: ['member'] },
  execute(ctx, args) {
    const { ballot, member, ceremony } = ceremonyStep(ctx, args.ballot)
    if (ceremony.dealings[member] !== undefined) fail('ALREADY_EXISTS', `${member} has dealt already`)
    assertNotClosed(ballot, ceremony)
    if (ceremony.keys[member] === undefined) fail('CONFLICT', `${member} deals after registering its ceremony key`)
    if (!pastDeadline(ballot, ctx.time)) assertAllHave({ ballot, done: ceremony.keys, what: 'ceremony keys' })
    if (args.commitments.length !== ballot.threshold)
      fail('INVALID_ARGS', `a dealing has ${ballot.threshold} commitments (the threshold)`)
    assertRecipients(ballot, ceremony, args.shares)
    checked('the commitments must be points of the election group', () =>
      combineDealings({ commitments: [args.commitments] }),
    )
    const context = `${ballot.id}/${member}`
    checked(`a proof of knowledge of a_0 for ${context}`, () =>
      verifyDealerKnowledge({ commitment: args.commitments[0], proof: args.proof, context }),
    )
    ctx.put(sharesKey(args.ballot, member), args.shares)
    ctx.put(ceremonyKey(args.ballot), {
      ...ceremony,
      dealings: { ...ceremony.dealings, [member]: args.commitments },
    } as never)
    ctx.emit('dealingSubmitted', { ballot: args.ballot, trustee: member })
  },
})

/**
 * `ballots.confirmShares`: a trustee states that every share it received
 * and did not complain about verifies; when every qualified trustee has
 * confirmed, QUAL and the election key are fixed.
 *
 * @example { ballot: 'pb-2026' }
 */
export const confirmShares = defineAction({
  description: 'A trustee confirms its key shares verify; the last confirmation fixes the election key.',
  args: ConfirmArgsSchema,
  access: { roles: ['member'] },
  execute(ctx, args) {
    const { ballot, member, ceremony } = ceremonyStep(ctx, args.ballot)
    if (ceremony.confirmed.includes(member)) fail('ALREADY_EXISTS', `${member} has confirmed already`)
    // A confirmer is a dealer: QUAL is made of confirmers' dealings.
    if (ceremony.dealings[member] === undefined) fail('CONFLICT', `${member} confirms after dealing`)
    assertDealt(ballot, ceremony)
    settleCeremony(ctx, ballot, { ...ceremony, confirmed: [...ceremony.confirmed, member] })
    ctx.emit('sharesConfirmed', { ballot: args.ballot, trustee: member })
  },
})

// One encrypted share per trustee, '' exactly for those without a ceremony
// key: every dealer gives shares to the same recipients.
function assertRecipients(ballot: BallotRecord, ceremony: Ceremony, shares: string[]): void {
  if (shares.length !== ballot.trustees.length)
    fail('INVALID_ARGS', `a dealing has ${ballot.trustees.length} encrypted shares (one per trustee)`)
  const wrong = ballot.trustees.filter((t, j) => (shares[j] === '') !== (ceremony.keys[t] === undefined))
  if (wrong.length > 0)
    fail('INVALID_ARGS', `a dealing has an encrypted share for each trustee with a ceremony key, '' for the others`, {
      wrong,
    })
}
