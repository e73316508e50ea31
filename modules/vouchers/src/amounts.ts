import type { AmountRule } from './types.js'

/**
 * The value of a voucher under the fund's rule, for `units` (e.g. children).
 *
 * @example voucherValue({ kind: 'perUnit', base: 5000, perUnit: 2500, maxUnits: 4, unit: 'child' }, 2) // 10000
 */
export function voucherValue(rule: AmountRule, units: number): number {
  if (rule.kind === 'fixed') return rule.value
  return rule.base + rule.perUnit * Math.min(units, rule.maxUnits)
}

/**
 * Cents as a decimal amount with two digits, as pain.001 and CSV want it.
 *
 * @example formatAmount(1234) // '12.34'
 */
export function formatAmount(cents: number): string {
  const sign = cents < 0 ? '-' : ''
  const abs = Math.abs(cents)
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}
