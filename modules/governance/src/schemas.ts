import { MemberSchema } from '@tabularium/protocol'
import { z } from 'zod'

/**
 * A DID as W3C DID Core §3.1 defines it, without path, query or fragment.
 * Stricter than `startsWith('did:')` because DIDs become parts of state keys:
 * a `/` would make `didRoles/<did>/` prefixes ambiguous.
 *
 * @example DidSchema.parse('did:key:z6Mk…')
 */
export const DidSchema = z
  .string()
  .max(512)
  .regex(/^did:[a-z0-9]+:[A-Za-z0-9._:%-]*[A-Za-z0-9._%-]$/, 'expected a DID (did:<method>:<id>)')

/**
 * A role name: `member`, or `<module>:<role>` such as `notary:stamper`.
 *
 * @example RoleNameSchema.parse('notary:stamper')
 */
export const RoleNameSchema = z
  .string()
  .max(129)
  .regex(/^(member|[a-z][a-z0-9-]{0,63}:[a-z][a-zA-Z0-9-]{0,63})$/, 'expected `member` or `<module>:<role>`')

/** A member organisation in a proposal: the genesis member shape, with a strict DID. */
export const MemberArgsSchema = MemberSchema.extend({ did: DidSchema })

/** The `threshold` of a setThreshold proposal; bounded by the member count at execution. */
const ThresholdSchema = z.number().int().min(1).max(100)

// Fields every proposal may carry besides its change.
const common = {
  reason: z.string().min(1).max(1000).optional(),
  expiresAt: z.iso.datetime({ offset: true }).optional(),
}

/**
 * Arguments of `propose`: a change (discriminated by `kind`), an optional
 * reason and an optional expiry time.
 *
 * @example ProposeArgsSchema.parse({ kind: 'grantRole', role: 'notary:stamper', did })
 */
export const ProposeArgsSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('addMember'), member: MemberArgsSchema, ...common }),
  z.strictObject({ kind: z.literal('removeMember'), id: MemberSchema.shape.id, ...common }),
  z.strictObject({ kind: z.literal('grantRole'), role: RoleNameSchema, did: DidSchema, ...common }),
  z.strictObject({ kind: z.literal('revokeRole'), role: RoleNameSchema, did: DidSchema, ...common }),
  z.strictObject({ kind: z.literal('setThreshold'), threshold: ThresholdSchema, ...common }),
])

/** Arguments of `propose`. */
export type ProposeArgs = z.infer<typeof ProposeArgsSchema>

/** A proposal id: the first 16 hex digits of the proposing transaction's id. */
export const ProposalIdSchema = z.string().regex(/^[0-9a-f]{16}$/, 'expected a proposal id (16 hex digits)')

/** Arguments of `approve` and `reject`. */
export const VoteArgsSchema = z.strictObject({ id: ProposalIdSchema })
