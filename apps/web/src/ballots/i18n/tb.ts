import { translate } from '../../i18n/index.js'
import type { ballotsEn } from './en.js'

/** A message key of the ballots pages. */
export type BallotsKey = keyof typeof ballotsEn
/** The ballots catalogue in another language: every key, translated. */
export type BallotsMessages = { readonly [K in BallotsKey]: string }

/**
 * A message of the ballots pages in the active language.
 *
 * @example tb('wallet.vote')
 */
export function tb(key: BallotsKey, params: Record<string, string | number> = {}): string {
  return translate(`ballots.${key}`, params)
}
