import { useEffect, useState } from 'preact/hooks'
import { getNetwork } from '../api/client.js'
import type { NetworkInfo } from '../api/types.js'
import { tb } from '../ballots/i18n/tb.js'
import { Lazy } from '../components/Lazy.js'
import { Alert, Button, Loading } from '../components/ui.js'
import { t } from '../i18n/index.js'
import {
  IdentityConsole,
  identityConsoleSections,
  isIdentityConsoleSection,
} from '../identity/console/IdentityConsole.js'
import { forgetKey, loadKey, type StoredKey } from '../lib/keys.js'
import { href, navigate, type Route } from '../lib/router.js'
import { memberName } from '../portal/members.js'
import { vt } from '../vouchers/i18n/vt.js'
import { loadConsoleVouchers } from '../vouchers/routes.js'
import { DashboardPage } from './DashboardPage.js'
import { GovernancePage } from './GovernancePage.js'
import { SignInPage } from './SignInPage.js'
import { StampPage } from './StampPage.js'

/** The console for member organisations: sign in with a key file, then stamp, govern, watch. */
export function ConsoleArea({ route }: { route: Route }) {
  const [key, setKey] = useState<StoredKey | null | undefined>(undefined)
  const [network, setNetwork] = useState<NetworkInfo | undefined>(undefined)
  const [failed, setFailed] = useState(false)
  useEffect(() => {
    loadKey('console').then(
      (k) => setKey(k ?? null),
      () => setKey(null),
    )
    getNetwork().then(setNetwork, () => setFailed(true))
  }, [])
  if (failed) return <Alert type="error">{t('common.nodeUnreachable')}</Alert>
  if (key === undefined || !network) return <Loading />
  const section = route.segments[1] ?? 'dashboard'
  const signOut = async () => {
    await forgetKey('console')
    setKey(null)
    navigate('/console')
  }
  return (
    <div class="tab-console">
      {key && (
        <div class="tab-console__bar">
          <nav class="tab-subnav tab-subnav--inline" aria-label={t('console.sections')}>
            <ul>
              {(
                [
                  ['dashboard', t('console.dashboard')],
                  ['stamp', t('console.stamp')],
                  ['governance', t('console.governance')],
                  ...identityConsoleSections(),
                  ['vouchers', vt('nav.console')],
                  ['ballots', tb('nav.console')],
                ] as const
              ).map(([id, label]) => (
                <li key={id}>
                  <a href={href(`/console/${id}`)} aria-current={section === id ? 'page' : undefined}>
                    {label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <p class="tab-console__who">
            {t('console.signedInAs', { name: memberName(key.did, network) ?? t('console.notMember') })}{' '}
            <Button appearance="subtle" onClick={signOut}>
              {t('console.signOut')}
            </Button>
          </p>
        </div>
      )}
      {!key ? (
        <SignInPage network={network} onSignedIn={setKey} />
      ) : section === 'stamp' ? (
        <StampPage keyInfo={key} network={network} />
      ) : section === 'governance' ? (
        <GovernancePage keyInfo={key} network={network} />
      ) : section === 'vouchers' ? (
        <Lazy key="vouchers" load={loadConsoleVouchers} props={{ keyInfo: key, network, route }} />
      ) : isIdentityConsoleSection(section) ? (
        <IdentityConsole section={section} keyInfo={key} network={network} />
      ) : (
        <DashboardPage network={network} />
      )}
    </div>
  )
}
