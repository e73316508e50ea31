import type { ComponentType } from 'preact'
import { tn } from './i18n/tn.js'

/** The network page, one lazy chunk (it brings the note verifier). */
export const loadNetworkPage = () => import('./NetworkPage.js').then((m) => m.NetworkPage as ComponentType<object>)

/** The portal's link to the network page. */
export function networkPortalLink(): readonly ['/network', string] {
  return ['/network', tn('nav.network')]
}
