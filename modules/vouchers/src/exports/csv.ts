import { formatAmount } from '../amounts.js'
import type { Settlement } from '../types.js'

/**
 * One CSV cell (RFC 4180): quoted when needed, and prefixed with `'` when it
 * would start a spreadsheet formula (`=`, `+`, `-`, `@`), so an exported name
 * can never run in the clerk's spreadsheet.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return ''
  let text = String(value)
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** Rows as CSV with CRLF line ends (RFC 4180). */
export function toCsv(header: string[], rows: (string | number | null)[][]): string {
  return `${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`
}

/**
 * A settlement batch as CSV: one line per credit transfer, with the same
 * end-to-end ids as the pain.001 file.
 *
 * @example settlementCsv(settlement) // 'endToEndId,provider,name,iban,bic,amount,currency,redemptions\r\n…'
 */
export function settlementCsv(settlement: Settlement): string {
  return toCsv(
    ['endToEndId', 'provider', 'name', 'iban', 'bic', 'amount', 'currency', 'redemptions'],
    settlement.items.map((item, i) => [
      `${settlement.id}-${i + 1}`,
      item.provider,
      item.account.name,
      item.account.iban,
      item.account.bic,
      formatAmount(item.amount),
      'EUR',
      item.count,
    ]),
  )
}
