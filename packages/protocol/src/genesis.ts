import { z } from 'zod'

/** A member organisation named in the genesis file. */
export const MemberSchema = z.strictObject({
  id: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[a-z0-9][a-z0-9-]*$/),
  name: z.string().min(1).max(200),
  /** The organisation's DID; its key signs governance transactions. */
  did: z.string().startsWith('did:'),
  /** C2SP note verifier key (`name+keyid+base64`) of the member's node: signs checkpoints. */
  logKey: z.string().min(10).max(300),
  /** C2SP verifier key of the member's witness: cosigns checkpoints (tlog-cosignature). */
  witnessKey: z.string().min(10).max(300),
  /** Where the member's node is reachable, if public. */
  url: z.string().url().optional(),
})

/**
 * The genesis file: the network's name, its log origin, its members, and who
 * may do what at the start. Changed later only by governance proposals.
 */
export const GenesisSchema = z.strictObject({
  v: z.literal(1),
  network: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[a-z][a-z0-9-]*$/),
  /** The C2SP checkpoint origin line, e.g. `tabularium.example/sandbox`. */
  origin: z.string().min(1).max(200),
  createdAt: z.iso.datetime(),
  members: z.array(MemberSchema).min(1).max(100),
  /** Approvals (M of N members) a governance proposal needs. */
  governanceThreshold: z.number().int().min(1),
  /** Distinct member witnesses whose cosignatures make a checkpoint final. */
  witnessQuorum: z.number().int().min(1),
  /** Initial role grants: role name → DIDs. Members hold every role in `memberRoles`. */
  roles: z.record(z.string(), z.array(z.string().startsWith('did:'))).default({}),
  memberRoles: z.array(z.string()).default([]),
})

/** A member organisation. */
export type Member = z.infer<typeof MemberSchema>
/** A genesis file. */
export type Genesis = z.infer<typeof GenesisSchema>
