import { z } from 'zod'

export const IdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'expected an id of 1–32 lower-case letters, digits or `-`')
export const Hex64Schema = z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lower-case hex digits')
export const DidSchema = z.string().regex(/^did:[a-z0-9]+:[A-Za-z0-9._:%-]{1,400}$/, 'expected a DID')
export const AmountSchema = z.number().int().min(1).max(100_000_000_000)
const TimeSchema = z.iso.datetime({ offset: true }).transform((t) => new Date(t).toISOString())
const PeriodSchema = z
  .strictObject({ from: z.iso.date(), to: z.iso.date() })
  .refine((p) => p.from <= p.to, 'from must not be after to')
const LegalIdSchema = z
  .string()
  .regex(/^[A-Z0-9][A-Z0-9.-]{1,39}$/, 'expected a legal-entity id (VAT, LEI, registry number) in capitals')

export const CreateCallArgsSchema = z
  .strictObject({
    id: IdSchema,
    title: z.string().trim().min(1).max(200),
    budget: AmountSchema,
    opensAt: TimeSchema,
    deadline: TimeSchema,
    criteria: z
      .array(
        z.strictObject({
          id: IdSchema,
          name: z.string().min(1).max(100),
          weight: z.number().int().min(1).max(100),
          max: z.number().int().min(1).max(100),
        }),
      )
      .min(1)
      .max(20),
    evaluators: z.array(DidSchema).min(1).max(50),
  })
  .refine((c) => c.opensAt < c.deadline, { message: 'the deadline must be after opensAt', path: ['deadline'] })

export const ApplyArgsSchema = z.strictObject({
  call: IdSchema,
  id: IdSchema,
  organisation: LegalIdSchema,
  project: z.string().trim().min(1).max(100),
  title: z.string().trim().min(1).max(200),
  requested: AmountSchema,
  costPeriod: PeriodSchema,
  commitment: Hex64Schema,
  /** The legal-entity credential the node verified at its boundary: its SHA-256 and its (accredited) issuer. */
  legalEntity: z.strictObject({ credential: Hex64Schema, issuer: DidSchema }),
})

export const CallArgsSchema = z.strictObject({ call: IdSchema })

export const DeclareArgsSchema = z.strictObject({
  call: IdSchema,
  application: IdSchema,
  conflict: z.boolean(),
  statement: z.string().max(500).optional(),
})

export const ScoreArgsSchema = z.strictObject({
  call: IdSchema,
  application: IdSchema,
  scores: z.record(IdSchema, z.number().int().min(0).max(100)),
  comment: z.string().max(2000).default(''),
})

export const AwardArgsSchema = z.strictObject({
  call: IdSchema,
  application: IdSchema,
  amount: AmountSchema,
  milestones: z
    .array(z.strictObject({ id: IdSchema, amount: AmountSchema }))
    .min(1)
    .max(20),
  acknowledge: z
    .strictObject({ awards: z.array(IdSchema).min(1).max(100), justification: z.string().min(10).max(1000) })
    .optional(),
})

export const PayMilestoneArgsSchema = z.strictObject({
  award: IdSchema,
  milestone: IdSchema,
  evidence: Hex64Schema.optional(),
})
