import { translate } from '../../i18n/index.js'
import type { ballotsEn } from './en.js'
import type { recountEn } from './recountEn.js'

/** A message key of the ballots pages (the recount's own messages come with its chunk). */
export type BallotsKey = keyof typeof ballotsEn | keyof typeof recountEn
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
