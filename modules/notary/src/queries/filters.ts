import { z } from 'zod'
import { DocTypeSchema } from '../schemas.js'
import { OrganisationSchema, SignerSchema, TimeSchema } from './params.js'

/** Filters `list` and `stats` share; `from` is inclusive, `to` exclusive. */
export const FilterShape = {
  signer: SignerSchema.optional(),
  organisation: OrganisationSchema.optional(),
  docType: DocTypeSchema.optional(),
  status: z.enum(['active', 'revoked']).optional(),
  from: TimeSchema.optional(),
  to: TimeSchema.optional(),
}

/** Parsed filters. */
export type Filters = { [K in keyof typeof FilterShape]?: z.output<(typeof FilterShape)[K]> }

// Each filter adds a fixed SQL fragment; values are bound, never spliced.
const FRAGMENTS: Record<keyof Filters, string> = {
  signer: 'signer = :signer',
  organisation: 'organisation = :organisation',
  docType: 'doc_type = :docType',
  status: 'status = :status',
  from: 'time >= :from',
  to: 'time < :to',
}

/**
 * The WHERE clause and its bound values for a set of filters.
 *
 * @example whereOf({ docType: 'permit' }) // { sql: 'doc_type = :docType', values: { docType: 'permit' } }
 */
export function whereOf(filters: Filters): { sql: string; values: Record<string, string> } {
  const clauses: string[] = []
  const values: Record<string, string> = {}
  for (const name of Object.keys(FRAGMENTS) as (keyof Filters)[]) {
    const value = filters[name]
    if (value === undefined) continue
    clauses.push(FRAGMENTS[name])
    values[name] = value
  }
  return { sql: clauses.length === 0 ? '1 = 1' : clauses.join(' AND '), values }
}
