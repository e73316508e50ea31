import { defineAction } from '@tabularium/ledger'
import { findMemberId } from '@tabularium/module-governance'
import { fail } from '../fail.js'
import { hashKey, MAX_STAMPS_PER_HASH, STAMPER_ROLE } from '../keys.js'
import { StampArgsSchema } from '../schemas.js'
import type { Stamp } from '../types.js'

/**
 * `notary.stamp`: records that a document with this SHA-256 existed at the
 * entry's time, signed by the signer (and its organisation, for a member DID).
 * A hash may be stamped again; every stamp is kept, up to 32 per hash.
 *
 * @example { hash: 'e3b0c44298fc1c14…', docType: 'permit', metadata: { ref: 'P-2026-17' } } // args
 */
export const stamp = defineAction({
  description: "Stamps a document's SHA-256 hash: proof that it existed, and who vouched for it.",
  args: StampArgsSchema,
  access: { roles: [STAMPER_ROLE] },
  execute(ctx, args) {
    const key = hashKey(args.hash)
    const stamps = ctx.get<Stamp[]>(key) ?? []
    if (stamps.length >= MAX_STAMPS_PER_HASH) {
      fail('LIMIT_EXCEEDED', `hash ${args.hash} has ${MAX_STAMPS_PER_HASH} stamps already`, {
        hash: args.hash,
        limit: MAX_STAMPS_PER_HASH,
      })
    }
    const record: Stamp = {
      txid: ctx.txid,
      index: ctx.index,
      time: ctx.time,
      signer: ctx.signer,
      organisation: findMemberId(ctx, ctx.signer) ?? null,
      docType: args.docType ?? null,
      title: args.title ?? null,
      metadata: args.metadata ?? {},
      revocation: null,
    }
    ctx.put(key, [...stamps, record])
    const { organisation, docType, title, metadata } = record
    ctx.emit('stamped', { hash: args.hash, organisation, docType, title, metadata })
  },
})
