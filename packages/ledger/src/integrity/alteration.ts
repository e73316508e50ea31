/** The tables the integrity check covers. */
export type AlteredTable = 'entries' | 'nodes' | 'checkpoints' | 'events' | 'state' | 'meta' | 'file'

/**
 * What an integrity check found altered, with the stable catalogue code
 * `LEDGER_ALTERED`. `row` names the row by its key (`{ index }` for entries
 * and events, `{ level, index }` for nodes, `{ treeSize }` for checkpoints
 * and the state sum, `{ key }` for meta; 'file' is a damaged database); `expected` is what the rest of the
 * file (ultimately the signed roots) says it should hold, `found` what it
 * holds (hashes in hex; `'missing'` for a row that is not there).
 */
export interface AlterationReport {
  code: 'LEDGER_ALTERED'
  table: AlteredTable
  row: Record<string, string | number>
  column: string
  expected: string
  found: string
  message: string
}

/** Thrown by the checks; the scrubber turns it into its report. */
export class LedgerAlteredError extends Error {
  override readonly name = 'LedgerAlteredError'
  constructor(readonly report: AlterationReport) {
    super(report.message)
  }
}

/**
 * Throws a LedgerAlteredError unless `expected` equals `found`.
 *
 * @example expectSame({ table: 'nodes', row: { level: 0, index: 4 }, column: 'hash' }, leafHex, storedHex, 'the leaf does not hash to the stored tree leaf')
 */
export function expectSame(
  where: { table: AlteredTable; row: Record<string, string | number>; column: string },
  expected: string,
  found: string,
  message: string,
): void {
  if (expected === found) return
  throw new LedgerAlteredError({ code: 'LEDGER_ALTERED', ...where, expected, found, message })
}

/**
 * The report for an error a check ran into: its own, or SQLite finding the
 * file damaged (a page rewritten behind its back); undefined for anything
 * else (busy, closing), which the next pass retries.
 */
export function alterationOf(error: unknown): AlterationReport | undefined {
  if (error instanceof LedgerAlteredError) return error.report
  const code = (error as { code?: unknown } | null)?.code
  if (code !== 'SQLITE_CORRUPT' && code !== 'SQLITE_NOTADB') return undefined
  return {
    code: 'LEDGER_ALTERED',
    table: 'file',
    row: {},
    column: 'page',
    expected: 'a well-formed SQLite file',
    found: String(code),
    message: `SQLite finds the ledger file damaged: ${(error as Error).message}`,
  }
}
