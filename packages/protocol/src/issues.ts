import type { z } from 'zod'

/** One bad field: its path (`tx.args.hash`) and what is wrong with it. */
export interface FieldIssue {
  path: string
  message: string
}

/**
 * Every problem a schema found, as `{ path, message }` pairs, so that a client
 * sees all bad fields at once (CONVENTIONS #11).
 */
export function formatIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.slice(0, 50).map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }))
}
