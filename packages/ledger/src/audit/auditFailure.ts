/** Index used when something before the first entry (genesis, schema) is wrong. */
export const BEFORE_FIRST_ENTRY = -1

/** What an audit found wrong first: thrown inside the audit, returned as its result. */
export class AuditFailure extends Error {
  override readonly name = 'AuditFailure'
  constructor(
    readonly index: number,
    readonly reason: string,
  ) {
    super(`entry ${index}: ${reason}`)
  }
}

/** Throws an AuditFailure at `index` unless `condition` holds. */
export function check(condition: boolean, index: number, reason: string | (() => string)): asserts condition {
  if (!condition) throw new AuditFailure(index, typeof reason === 'string' ? reason : reason())
}
