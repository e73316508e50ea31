import { ProtocolError } from '@tabularium/protocol'
import { z } from 'zod'
import { RESIDENCY } from '../credentialConfigurations.js'

// A JSONPath subset: `$.a.b` — enough for DIF PE field paths into claims.
// Fixed pattern; names from hostile input are looked up with Object.hasOwn.
const PATH = /^\$(\.[A-Za-z0-9_-]{1,64}){1,4}$/

const Field = z.strictObject({
  path: z.array(z.string().regex(PATH, 'paths are `$.name(.name)*`')).min(1).max(4),
  id: z.string().max(64).optional(),
  purpose: z.string().max(500).optional(),
  optional: z.boolean().optional(),
  filter: z
    .strictObject({
      type: z.enum(['string', 'boolean', 'number', 'integer']).optional(),
      const: z.union([z.string(), z.boolean(), z.number()]).optional(),
      enum: z
        .array(z.union([z.string(), z.boolean(), z.number()]))
        .max(50)
        .optional(),
    })
    .optional(),
})

/** The subset of DIF Presentation Exchange 2.0 definitions the verifier evaluates. */
export const PresentationDefinitionSchema = z.strictObject({
  id: z.string().min(1).max(128),
  name: z.string().max(200).optional(),
  purpose: z.string().max(500).optional(),
  input_descriptors: z
    .array(
      z.strictObject({
        id: z.string().min(1).max(128),
        name: z.string().max(200).optional(),
        purpose: z.string().max(500).optional(),
        format: z.record(z.string(), z.json()).optional(),
        constraints: z.strictObject({
          limit_disclosure: z.enum(['required', 'preferred']).optional(),
          fields: z.array(Field).max(32),
        }),
      }),
    )
    .min(1)
    .max(1),
})

/** A presentation definition. */
export type PresentationDefinition = z.infer<typeof PresentationDefinitionSchema>

/**
 * The residency check of Zug: an SD-JWT VC of type residency that discloses
 * exactly `resident_of` and `age_over_16` (true) — not the birth date.
 */
export const RESIDENCY_DEFINITION: PresentationDefinition = {
  id: 'residency-over-16',
  purpose: 'Check that you live here and are over 16',
  input_descriptors: [
    {
      id: 'residency',
      format: { 'vc+sd-jwt': { 'sd-jwt_alg_values': ['ES256', 'EdDSA'], 'kb-jwt_alg_values': ['ES256', 'EdDSA'] } },
      constraints: {
        limit_disclosure: 'required',
        fields: [
          { path: ['$.vct'], filter: { type: 'string', const: RESIDENCY.vct } },
          { path: ['$.resident_of'], filter: { type: 'string' } },
          { path: ['$.age_over_16'], filter: { type: 'boolean', const: true } },
        ],
      },
    },
  ],
}

/** A verified credential as the definition sees it. */
export interface PresentedCredential {
  format: 'jwt_vc' | 'sd_jwt_vc'
  issuer: string
  types: string[]
  claims: Record<string, unknown>
}

/**
 * Evaluates the definition's one input descriptor against the verified
 * credential: the submission must map it, every non-optional field must be
 * present and pass its filter, and with `limit_disclosure: required` an
 * SD-JWT VC must disclose no claim the fields do not ask for.
 * PRESENTATION_REJECTED with the reasons otherwise.
 *
 * @example evaluateDefinition({ definition, submission, credential })
 */
export function evaluateDefinition(p: {
  definition: PresentationDefinition
  submission: unknown
  credential: PresentedCredential
}): void {
  const descriptor = p.definition.input_descriptors[0] as PresentationDefinition['input_descriptors'][number]
  const problems: string[] = []
  const submission = p.submission as { definition_id?: unknown; descriptor_map?: { id?: unknown }[] } | undefined
  if (submission?.definition_id !== p.definition.id) problems.push('presentation_submission names another definition')
  if (!Array.isArray(submission?.descriptor_map) || !submission.descriptor_map.some((d) => d?.id === descriptor.id)) {
    problems.push(`presentation_submission does not map input descriptor ${descriptor.id}`)
  }
  const view = viewOf(p.credential)
  const asked = new Set<string>()
  for (const field of descriptor.constraints.fields) {
    const names = field.path.map((path) => path.split('.').slice(1))
    for (const name of names) if (name.length === 1) asked.add(name[0] as string)
    const values = names.map((name) => lookup(view, name)).filter((v) => v !== undefined)
    if (values.length === 0) {
      if (field.optional !== true) problems.push(`${field.path[0]} is not disclosed`)
      continue
    }
    if (!values.some((v) => passes(v, field.filter))) problems.push(`${field.path[0]} does not match its filter`)
  }
  if (descriptor.constraints.limit_disclosure === 'required' && p.credential.format === 'sd_jwt_vc') {
    const extra = Object.keys(p.credential.claims).filter((k) => !asked.has(k))
    if (extra.length > 0) problems.push(`disclosed more than asked: ${extra.join(', ')}`)
  }
  if (problems.length > 0) {
    throw new ProtocolError('PRESENTATION_REJECTED', 'the presentation does not satisfy the definition', {
      details: { issues: problems },
    })
  }
}

function viewOf(c: PresentedCredential): Record<string, unknown> {
  if (c.format === 'sd_jwt_vc') return { ...c.claims, vct: c.types[0], iss: c.issuer }
  const vc = { type: c.types, issuer: c.issuer, credentialSubject: c.claims }
  return { ...vc, vc, iss: c.issuer }
}

function lookup(value: unknown, path: readonly string[]): unknown {
  let at: unknown = value
  for (const name of path) {
    if (at === null || typeof at !== 'object' || !Object.hasOwn(at, name)) return undefined
    at = (at as Record<string, unknown>)[name]
  }
  return at
}

function passes(value: unknown, filter: z.infer<typeof Field>['filter']): boolean {
  if (filter === undefined) return true
  if (filter.type !== undefined) {
    const type = filter.type === 'integer' ? (Number.isInteger(value) ? 'integer' : typeof value) : typeof value
    if (type !== filter.type) return false
  }
  if (filter.const !== undefined && value !== filter.const) return false
  return filter.enum === undefined || filter.enum.includes(value as string)
}
