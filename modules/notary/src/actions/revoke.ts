import { type ActionContext, defineAction } from '@tabularium/ledger'
import { findMemberId } from '@tabularium/module-governance'
import { fail } from '../fail.js'
import { hashKey, STAMPER_ROLE } from '../keys.js'
import { RevokeArgsSchema } from '../schemas.js'
import type { Stamp } from '../types.js'

/**
 * `notary.revoke`: marks one stamp of a hash as revoked, with a reason; the
 * stamp and its revocation both stay in the history. Only its owner may
 * revoke it: the DID that signed it, or any signer of the same member
 * organisation (today: the organisation's own DID; a clerk's DID has no
 * organisation). Without `stamp`, the signer's latest active stamp of the
 * hash is revoked.
 *
 * @example { hash: 'e3b0c44298fc1c14…', reason: 'issued in error' } // args
 */
export const revoke = defineAction({
  description: "Revokes a stamp (its owner only), keeping it in the hash's history.",
  args: RevokeArgsSchema,
  access: { roles: [STAMPER_ROLE] },
  execute(ctx, args) {
    const key = hashKey(args.hash)
    const stamps =
      ctx.get<Stamp[]>(key) ?? fail('NOT_FOUND', `hash ${args.hash} was never stamped`, { hash: args.hash })
    const at = pick(ctx, stamps, args)
    const target = stamps[at] as Stamp
    const revocation = { txid: ctx.txid, index: ctx.index, time: ctx.time, signer: ctx.signer, reason: args.reason }
    ctx.put(
      key,
      stamps.map((s, i) => (i === at ? { ...s, revocation } : s)),
    )
    ctx.emit('revoked', {
      hash: args.hash,
      stamp: target.txid,
      stampIndex: target.index,
      organisation: target.organisation,
      reason: args.reason,
    })
  },
})

// Finds the stamp to revoke and checks the signer may: NOT_FOUND, NOT_OWNER
// or ALREADY_REVOKED otherwise.
function pick(
  ctx: ActionContext,
  stamps: readonly Stamp[],
  args: { hash: string; stamp?: string | undefined },
): number {
  const organisation = findMemberId(ctx, ctx.signer) ?? null
  const owns = (s: Stamp) => s.signer === ctx.signer || (s.organisation !== null && s.organisation === organisation)
  const details = { hash: args.hash, stamp: args.stamp ?? null }
  if (args.stamp !== undefined) {
    const at = stamps.findIndex((s) => s.txid === args.stamp)
    const target = stamps[at] ?? fail('NOT_FOUND', `no stamp ${args.stamp} of ${args.hash}`, details)
    if (!owns(target)) fail('NOT_OWNER', 'only the organisation that stamped it may revoke a stamp', details)
    if (target.revocation !== null) fail('ALREADY_REVOKED', `stamp ${args.stamp} is already revoked`, details)
    return at
  }
  const owned = stamps.map((s, i) => [s, i] as const).filter(([s]) => owns(s))
  if (owned.length === 0) fail('NOT_OWNER', 'only the organisation that stamped it may revoke a stamp', details)
  const active = owned.filter(([s]) => s.revocation === null).at(-1)
  return active?.[1] ?? fail('ALREADY_REVOKED', `every stamp of ${args.hash} by this signer is revoked`, details)
}
