import { NOTE_SIGNATURE_ED25519, parseVerifierKey } from '@tabularium/log'
import { z } from 'zod'

// A C2SP verifier key string, checked by the parser the node verifies with.
const verifierKey = (what: string, type?: number) =>
  z
    .string()
    .max(300)
    .refine((vkey) => isVerifierKey(vkey, type), `expected a C2SP verifier key (${what})`)

function isVerifierKey(vkey: string, type: number | undefined): boolean {
  try {
    const parsed = parseVerifierKey(vkey)
    return type === undefined || parsed.type === type
  } catch {
    return false
  }
}

/** A log this node witnesses: its checkpoint origin line and the keys its checkpoints are signed with. */
export const WitnessedLogSchema = z.strictObject({
  origin: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[^\n\r]+$/, 'an origin is one line'),
  keys: z.array(verifierKey('name+hex id+base64, Ed25519 type 0x01', NOTE_SIGNATURE_ED25519)).min(1).max(32),
})

/** An outside witness this node pushes its checkpoints to (c2sp.org/tlog-witness). */
export const OutsideWitnessSchema = z.strictObject({
  /** The witness's submission prefix: requests go to `<url>/add-checkpoint`. */
  url: z
    .string()
    .max(2048)
    .regex(/^https?:\/\/[^\s]+$/, 'expected an http(s) URL'),
  /** The witness's verifier key (tlog-cosignature, type 0x04): its answers are checked against it. */
  key: verifierKey('the witness cosignature key'),
})

/**
 * The `witness` section of the node's configuration (file only): the logs
 * this node witnesses besides its own network, the outside witnesses it
 * pushes its checkpoints to, and how often.
 *
 * @example WitnessConfigSchema.parse({}).pushIntervalMs // 5000
 */
export const WitnessConfigSchema = z.strictObject({
  logs: z.array(WitnessedLogSchema).max(100).default([]),
  push: z.array(OutsideWitnessSchema).max(32).default([]),
  pushIntervalMs: z.number().int().min(50).max(3_600_000).default(5000),
  /** How long one add-checkpoint request may take. */
  pushTimeoutMs: z.number().int().min(100).max(120_000).default(10_000),
})

/** The `witness` section, after defaults. */
export type WitnessConfig = z.infer<typeof WitnessConfigSchema>
