import { translate } from '../../i18n/index.js'
import type { networkEn } from './en.js'
import type { networkPageEn } from './pageEn.js'

/** A message key of the network feature. */
export type NetworkKey = keyof typeof networkEn | keyof typeof networkPageEn
/** The network page's catalogue in another language: every key, translated. */
export type NetworkMessages = { readonly [K in NetworkKey]: string }

/**
 * A message of the network page in the active language.
 *
 * @example tn('summary.quorumValue', { q: 2, n: 3 })
 */
export function tn(key: NetworkKey, params: Record<string, string | number> = {}): string {
  return translate(`network.${key}`, params)
}
