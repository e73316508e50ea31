import '../identity.css'
import type { StoredKey } from '../../lib/keys.js'
import type { Route } from '../../lib/router.js'
import { DataUsePage } from './DataUsePage.js'
import { PresentPage } from './PresentPage.js'
import { ResidencyPage } from './ResidencyPage.js'

/** The wallet's identity pages under `#/wallet/<section>`. */
export const IDENTITY_WALLET_SECTIONS = ['residency', 'present', 'data-use'] as const

/** True when the route is one of the identity pages of the wallet. */
export function isIdentityWalletRoute(route: Route): boolean {
  return (IDENTITY_WALLET_SECTIONS as readonly string[]).includes(route.segments[1] ?? '')
}

/** Renders the identity page of the route with the wallet key. */
export function IdentityWallet({ route, walletKey }: { route: Route; walletKey: StoredKey }) {
  if (route.segments[1] === 'data-use') return <DataUsePage walletKey={walletKey} />
  return route.segments[1] === 'present' ? (
    <PresentPage walletKey={walletKey} route={route} />
  ) : (
    <ResidencyPage walletKey={walletKey} />
  )
}
