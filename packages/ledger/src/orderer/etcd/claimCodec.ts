import { z } from 'zod'
import type { Claim } from '../../finality/createFinality.js'

/** Version of the cosignature messages written to etcd. */
export const CLAIMS_VERSION = 1

/** Claims per message at most: a node catching up publishes only its newest. */
export const MAX_CLAIMS_PER_MESSAGE = 500

const ClaimsSchema = z.strictObject({
  v: z.literal(CLAIMS_VERSION),
  member: z.string().min(1).max(64),
  claims: z
    .array(
      z.tuple([
        z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
        z.base64().length(44),
        z.string().max(128),
        z.string().max(512),
      ]),
    )
    .max(MAX_CLAIMS_PER_MESSAGE),
  /** Set in the last message of a node that stopped writing (informative: it carries no signature). */
  halted: z.strictObject({ reason: z.string().max(32), message: z.string().max(500) }).optional(),
})

/** What a member's message says. */
export interface ClaimsMessage {
  member: string
  claims: Claim[]
  halted?: { reason: string; message: string }
}

/**
 * One member's cosignature message: `[treeSize, root (base64), state digest,
 * cosignature line]` per checkpoint it executed since its last message.
 *
 * @example encodeClaims('leuven', claims)
 */
export function encodeClaims(member: string, claims: readonly Claim[], halted?: ClaimsMessage['halted']): Buffer {
  const rows = claims.map((c) => [c.treeSize, Buffer.from(c.rootHash).toString('base64'), c.stateDigest, c.cosignature])
  return Buffer.from(JSON.stringify({ v: CLAIMS_VERSION, member, claims: rows, ...(halted && { halted }) }))
}

/**
 * Parses a message from etcd, treating it as hostile (anyone with access to
 * etcd can write one; signatures are checked later, where they matter).
 * Undefined when malformed.
 *
 * @example const message = decodeClaims(kv.value)
 */
export function decodeClaims(value: Buffer): ClaimsMessage | undefined {
  let json: unknown
  try {
    json = JSON.parse(value.toString('utf8'))
  } catch {
    return undefined
  }
  const parsed = ClaimsSchema.safeParse(json)
  if (!parsed.success) return undefined
  const { member, halted } = parsed.data
  return {
    member,
    ...(halted && { halted }),
    claims: parsed.data.claims.map(([treeSize, root, stateDigest, cosignature]) => ({
      treeSize,
      rootHash: new Uint8Array(Buffer.from(root, 'base64')),
      stateDigest,
      cosignature,
    })),
  }
}
