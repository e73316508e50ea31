import { defineQuery } from '@tabularium/ledger'
import { z } from 'zod'
import { hashKey } from '../keys.js'
import { HashSchema } from '../schemas.js'
import type { Stamp, StampView } from '../types.js'

/**
 * `byHash`: every stamp of a document hash, oldest first, each with its
 * status; `stamps: []` for a hash never stamped (not an error: "not
 * notarised" is an answer).
 *
 * @example GET /v1/modules/notary/queries/byHash?hash=e3b0c442…
 * // { hash, stamps: [{ txid, index, time, signer, organisation, docType, status: 'active', … }] }
 */
export const byHash = defineQuery({
  description: 'Every stamp of a document hash, with its status.',
  params: z.strictObject({ hash: HashSchema }),
  run(ctx, { hash }) {
    const stamps = ctx.get<Stamp[]>(hashKey(hash)) ?? []
    return { hash, stamps: stamps.map(viewOf) }
  },
})

/** A stored stamp as queries show it, with `status`. */
export function viewOf(stamp: Stamp): StampView {
  return { ...stamp, status: stamp.revocation === null ? 'active' : 'revoked' }
}
