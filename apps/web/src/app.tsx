import type { ComponentType } from 'preact'
import { useState } from 'preact/hooks'
import type { UiConfig } from './api/types.js'
import { ballotsPortalLink, isBallotsRoute, loadBallots } from './ballots/routes.js'
import { Lazy } from './components/Lazy.js'
import { PageTitle } from './components/ui.js'
import { LANGUAGES, type Language, language, setLanguage, t } from './i18n/index.js'
import { identityPortalLinks } from './identity/portal/links.js'
import { href, type Route, useRoute } from './lib/router.js'
import { loadNetworkPage, networkPortalLink } from './network/routes.js'
import { DocumentPage } from './portal/DocumentPage.js'
import { EntryPage } from './portal/EntryPage.js'
import { ExplorerPage } from './portal/ExplorerPage.js'
import { PortalHome } from './portal/PortalHome.js'
import { vt } from './vouchers/i18n/vt.js'
import { loadPortalSpending } from './vouchers/routes.js'

type Area = 'portal' | 'console' | 'wallet' | 'provider'

// Code-split areas: each `import()` is its own chunk, fetched on first visit.
const loadVerify = () => import('./portal/VerifyPage.js').then((m) => m.VerifyPage as ComponentType<{ route: Route }>)
const loadReceipt = () =>
  import('./receipt/ReceiptPage.js').then((m) => m.ReceiptPage as ComponentType<{ route: Route }>)
const loadConsole = () =>
  import('./console/ConsoleArea.js').then((m) => m.ConsoleArea as ComponentType<{ route: Route }>)
const loadWallet = () => import('./wallet/WalletArea.js').then((m) => m.WalletArea as ComponentType<{ route: Route }>)
const loadIdentityPortal = () =>
  import('./identity/portal/IdentityPortal.js').then((m) => m.IdentityPortal as ComponentType<{ route: Route }>)
const loadProvider = () =>
  import('./provider/ProviderArea.js').then((m) => m.ProviderArea as ComponentType<{ route: Route }>)

function areaOf(route: Route): Area {
  const first = route.segments[0]
  return first === 'console' || first === 'wallet' || first === 'provider' ? first : 'portal'
}

/** The whole app: skip link, header with areas and language, the page, footer. */
export function App({ config }: { config: UiConfig }) {
  const route = useRoute()
  const [, setLang] = useState<Language>(language())
  const area = areaOf(route)
  const changeLanguage = async (code: Language) => {
    await setLanguage(code)
    setLang(code)
  }
  return (
    <div class={`tab-app tab-app--${area}`}>
      {/* biome-ignore lint/a11y/useValidAnchor: a skip link is an anchor by convention; with hash routing it moves focus instead of the URL */}
      <a
        class="utrecht-skip-link utrecht-skip-link--visible-on-focus tab-skip"
        href="#main"
        onClick={(e) => {
          e.preventDefault()
          document.getElementById('main')?.focus()
        }}
      >
        {t('app.skip')}
      </a>
      <header class="tab-header">
        <div class="tab-header__inner">
          <a class="tab-brand" href={href('/')}>
            {config.logo ? (
              <img class="tab-brand__logo" src={config.logo} alt="" />
            ) : (
              <svg class="tab-brand__logo" viewBox="0 0 32 32" aria-hidden="true">
                <rect width="32" height="32" rx="6" fill="currentColor" />
                <path d="M8 9h16v3H17.5v12h-3V12H8z" fill="var(--tab-primary)" />
              </svg>
            )}
            <span class="tab-brand__text">
              <span class="tab-brand__name">{config.name ?? t('app.name')}</span>
              <span class="tab-brand__tagline">{t('app.tagline')}</span>
            </span>
          </a>
          <div class="tab-lang">
            <label for="tab-lang-select">{t('app.language')}</label>
            <select
              id="tab-lang-select"
              class="utrecht-select utrecht-select--html-select"
              value={language()}
              onChange={(e) => changeLanguage((e.target as HTMLSelectElement).value as Language)}
            >
              {LANGUAGES.map((l) => (
                <option key={l.code} value={l.code} lang={l.code}>
                  {l.name}
                </option>
              ))}
            </select>
          </div>
        </div>
        <nav class="tab-areas" aria-label={t('nav.areas')}>
          <ul>
            {(
              [
                ['portal', '/', t('nav.portal')],
                ['console', '/console', t('nav.console')],
                ['wallet', '/wallet', t('nav.wallet')],
                ['provider', '/provider', t('nav.provider')],
              ] as const
            ).map(([key, path, label]) => (
              <li key={key}>
                <a href={href(path)} aria-current={area === key ? 'page' : undefined}>
                  {label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        {area === 'portal' && <PortalNav route={route} />}
      </header>
      <main id="main" tabIndex={-1} class="tab-main">
        <Page route={route} area={area} />
      </main>
      <footer class="tab-footer">
        <p>{t('app.footer')}</p>
        <p>
          <a href="/docs">{t('app.apiDocs')}</a> · <a href="/openapi.json">OpenAPI</a>
        </p>
      </footer>
    </div>
  )
}

function PortalNav({ route }: { route: Route }) {
  const links = [
    ['/', t('nav.overview')],
    networkPortalLink(),
    ['/explorer', t('nav.explorer')],
    ['/verify', t('nav.verify')],
    ['/document', t('nav.document')],
    ballotsPortalLink(),
    ...identityPortalLinks(),
    ['/spending', vt('nav.portal')],
  ] as const
  return (
    <nav class="tab-subnav" aria-label={t('nav.portalSections')}>
      <ul>
        {links.map(([path, label]) => (
          <li key={path}>
            <a href={href(path)} aria-current={route.path === path ? 'page' : undefined}>
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}

function Page({ route, area }: { route: Route; area: Area }) {
  const [first] = route.segments
  if (isBallotsRoute(route)) return <Lazy load={loadBallots} props={{ route }} />
  if (area === 'console') return <Lazy load={loadConsole} props={{ route }} />
  if (area === 'wallet') return <Lazy load={loadWallet} props={{ route }} />
  if (area === 'provider') return <Lazy load={loadProvider} props={{ route }} />
  switch (first) {
    case undefined:
      return <PortalHome />
    case 'explorer':
      return <ExplorerPage route={route} />
    case 'entry':
      return <EntryPage index={Number(route.segments[1])} />
    case 'verify':
      return <Lazy load={loadVerify} props={{ route }} />
    case 'document':
      return <DocumentPage />
    case 'receipt':
      return <Lazy load={loadReceipt} props={{ route }} />
    case 'network':
      return <Lazy key="network" load={loadNetworkPage} props={{}} />
    case 'spending':
      return <Lazy key="spending" load={loadPortalSpending} props={{ route }} />
    case 'issuers':
    case 'did':
      return <Lazy load={loadIdentityPortal} props={{ route }} />
    default:
      return <PageTitle title={t('notFound.title')}>{t('notFound.title')}</PageTitle>
  }
}
