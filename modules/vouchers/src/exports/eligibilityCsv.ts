import { ProtocolError } from '@tabularium/protocol'
import { pseudonymOf } from '../secrets.js'

/** Most rows one upload may carry. */
export const MAX_ELIGIBILITY_ROWS = 200_000

/** One uploaded resident: the municipal id (never leaves the node) and the units (e.g. children). */
export type EligibilityRow = { id: string; units: number }

/**
 * Parses the municipality's CSV of prevalidated residents: a header with an
 * `id` column (the municipal id) and optionally `units` or `children`;
 * commas or semicolons. Every bad line is reported at once (INVALID_REQUEST
 * with `details.issues`).
 *
 * @example parseEligibilityCsv('id;children\n123456789;2\n') // [{ id: '123456789', units: 2 }]
 */
export function parseEligibilityCsv(text: string): EligibilityRow[] {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
  const separator = (lines[0] ?? '').includes(';') ? ';' : ','
  const header = (lines[0] ?? '').split(separator).map((h) => h.trim().toLowerCase().replace(/^"|"$/g, ''))
  const idAt = header.indexOf('id')
  const unitsAt = header.findIndex((h) => h === 'units' || h === 'children')
  const issues: { path: string; message: string }[] = []
  if (idAt < 0) issues.push({ path: 'line 1', message: 'the header needs an `id` column' })
  if (lines.length - 1 > MAX_ELIGIBILITY_ROWS)
    issues.push({ path: 'body', message: `at most ${MAX_ELIGIBILITY_ROWS} rows` })
  const rows: EligibilityRow[] = []
  const seen = new Set<string>()
  for (const [n, line] of lines.slice(1).entries()) {
    if (issues.length > 0 && idAt < 0) break
    const cells = line.split(separator).map((c) => c.trim().replace(/^"|"$/g, ''))
    const id = cells[idAt] ?? ''
    const units = unitsAt < 0 ? 0 : Number(cells[unitsAt] ?? '')
    const where = `line ${n + 2}`
    if (!/^[A-Za-z0-9._/-]{1,64}$/.test(id))
      issues.push({ path: where, message: 'id must be 1–64 letters, digits, `.`, `_`, `/` or `-`' })
    else if (seen.has(id)) issues.push({ path: where, message: 'this id is listed twice' })
    if (!Number.isInteger(units) || units < 0 || units > 100)
      issues.push({ path: where, message: 'units must be a whole number 0–100' })
    seen.add(id)
    rows.push({ id, units })
    if (issues.length >= 100) break
  }
  if (issues.length > 0)
    throw new ProtocolError('INVALID_REQUEST', 'the eligibility CSV has errors', { details: { issues } })
  return rows
}

/**
 * The rows as `addEligible` entries: pseudonyms under the municipality's key,
 * so that only pseudonyms reach the ledger.
 *
 * @example pseudonymiseRows({ key, fund: 'kindpakket-2026', rows }) // [{ beneficiary: '3f…', units: 2 }]
 */
export function pseudonymiseRows(p: {
  key: Uint8Array
  fund: string
  rows: readonly EligibilityRow[]
}): { beneficiary: string; units: number }[] {
  return p.rows.map((row) => ({ beneficiary: pseudonymOf({ key: p.key, fund: p.fund, id: row.id }), units: row.units }))
}
