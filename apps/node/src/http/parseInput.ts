import { formatIssues, ProtocolError } from '@tabularium/protocol'
import type { z } from 'zod'

/** Options of `parseInput`. */
export interface ParseInputParameters<T> {
  schema: z.ZodType<T>
  input: unknown
  /** What is being parsed, for the message: 'query', 'path', 'body'. */
  what: string
}

/**
 * Parses untrusted input at the boundary (CONVENTIONS #11): the parsed value,
 * or INVALID_REQUEST with every bad field in `details.issues`.
 *
 * @example const { from, limit } = parseInput({ schema: EntriesQuery, input: c.req.query(), what: 'query' })
 */
export function parseInput<T>({ schema, input, what }: ParseInputParameters<T>): T {
  const result = schema.safeParse(input)
  if (result.success) return result.data
  throw new ProtocolError('INVALID_REQUEST', `the ${what} is invalid`, {
    details: { issues: formatIssues(result.error) },
  })
}
