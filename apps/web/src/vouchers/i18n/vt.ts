import { translate } from '../../i18n/index.js'
import type { vouchersEn } from './en.js'

/** A message key of the vouchers pages. */
export type VouchersKey = keyof typeof vouchersEn
/** The vouchers catalogue in another language: every key, translated. */
export type VouchersMessages = { readonly [K in VouchersKey]: string }

/**
 * A message of the vouchers pages in the active language.
 *
 * @example vt('till.refused.balance', { balance: '€ 12,50' })
 */
export function vt(key: VouchersKey, params: Record<string, string | number> = {}): string {
  return translate(`vouchers.${key}`, params)
}
