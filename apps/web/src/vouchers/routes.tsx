import type { ComponentType } from 'preact'
import type { NetworkInfo } from '../api/types.js'
import type { StoredKey } from '../lib/keys.js'
import type { Route } from '../lib/router.js'

// Entry points of the vouchers chunks, loaded by the areas (console, wallet,
// provider, portal) on first visit: `<Lazy load={loadWalletVouchers} props={{ route }} />`.

export const loadConsoleVouchers = () =>
  import('./console/VouchersConsole.js').then(
    (m) => m.VouchersConsole as ComponentType<{ keyInfo: StoredKey; network: NetworkInfo; route: Route }>,
  )
export const loadWalletVouchers = () =>
  import('./wallet/WalletVouchers.js').then((m) => m.WalletVouchers as ComponentType<{ route: Route }>)
export const loadProviderVouchers = () =>
  import('./provider/ProviderVouchers.js').then((m) => m.ProviderVouchers as ComponentType<{ route: Route }>)
export const loadPortalSpending = () =>
  import('./portal/PortalSpending.js').then((m) => m.PortalSpending as ComponentType<{ route: Route }>)
