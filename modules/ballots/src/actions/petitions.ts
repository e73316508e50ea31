import { defineAction } from '@tabularium/ledger'
import { findMemberId } from '@tabularium/module-governance'
import { nodeEngine } from '@tabularium/voting/node'
import { fail } from '../fail.js'
import { nullifierKey, ORGANISER_ROLE, petitionKey, processKey } from '../keys.js'
import { checkToken } from '../rules/checkCast.js'
import { assertOpen } from '../rules/schedule.js'
import { CreatePetitionArgsSchema, SignPetitionArgsSchema } from '../schemas.js'
import type { PetitionRecord } from '../types.js'
import { assertIssuerKey, assertSchedule, getPetition } from './read.js'

/**
 * `ballots.createPetition`: a petition with its census, token issuer key and
 * the number of signatures that triggers its next step.
 *
 * @example { id: 'bike-lanes', title, text, threshold: 500, opens, closes, census: { kind: 'list' }, issuerKey }
 */
export const createPetition = defineAction({
  description: 'Creates a petition: text, census, token issuer key and signature threshold.',
  args: CreatePetitionArgsSchema,
  access: { roles: [ORGANISER_ROLE, 'member'] },
  execute(ctx, args) {
    if (ctx.get(processKey(args.id)) !== undefined) fail('ALREADY_EXISTS', `${args.id} exists already`, { id: args.id })
    assertSchedule(args, ctx.time)
    assertIssuerKey(args.issuerKey)
    const record: PetitionRecord = {
      ...args,
      census: args.census.kind === 'list' ? { kind: 'list', size: 0 } : args.census,
      organisation: findMemberId(ctx, ctx.signer) ?? null,
      createdAt: ctx.time,
      signatures: 0,
      reachedAt: null,
    }
    ctx.put(processKey(args.id), 'petition')
    ctx.put(petitionKey(args.id), record as never)
    ctx.emit('petitionCreated', {
      petition: args.id,
      title: args.title,
      threshold: args.threshold,
      opens: args.opens,
      closes: args.closes,
    })
  },
})

/**
 * `ballots.signPetition`: an anonymous signature — a token of the petition's
 * issuer, once (its nullifier). The signature that reaches the threshold
 * emits `thresholdReached`, the petition's next step.
 *
 * @example { petition: 'bike-lanes', token: { message, signature } }
 */
export const signPetition = defineAction({
  description: 'Signs a petition anonymously with an eligibility token; once per token; public.',
  args: SignPetitionArgsSchema,
  access: { public: true },
  execute(ctx, args) {
    const petition = getPetition(ctx, args.petition)
    assertOpen(petition, ctx.time)
    const nullifier = checkToken(petition, args.token, nodeEngine)
    if (ctx.get(nullifierKey(args.petition, nullifier)) !== undefined) {
      fail('NULLIFIER_USED', `this token has already signed ${args.petition}`, { petition: args.petition, nullifier })
    }
    ctx.put(nullifierKey(args.petition, nullifier), { txid: ctx.txid, index: ctx.index, ciphertexts: null })
    const signatures = petition.signatures + 1
    const reached = signatures === petition.threshold
    ctx.put(petitionKey(args.petition), {
      ...petition,
      signatures,
      reachedAt: reached ? ctx.time : petition.reachedAt,
    } as never)
    ctx.emit('petitionSigned', { petition: args.petition, nullifier, signatures })
    if (reached) ctx.emit('thresholdReached', { petition: args.petition, signatures, threshold: petition.threshold })
  },
})
