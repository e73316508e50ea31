import { translate } from '../../i18n/index.js'
import type { identityEn } from './en.js'
import { PREFIX } from './prefix.js'

/** A message key of the identity pages. */
export type IdentityKey = keyof typeof identityEn
/** The identity catalogue in another language: every key, translated. */
export type IdentityMessages = { readonly [K in IdentityKey]: string }

/**
 * A message of the identity pages in the active language.
 *
 * @example ti('wallet.credentials.title')
 */
export function ti(key: IdentityKey, params: Record<string, string | number> = {}): string {
  return translate(`${PREFIX}${key}`, params)
}
