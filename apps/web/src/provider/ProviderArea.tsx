import { useState } from 'preact/hooks'
import { Lazy } from '../components/Lazy.js'
import { Scanner } from '../components/Scanner.js'
import { Alert, Button, Hash, PageTitle } from '../components/ui.js'
import { t } from '../i18n/index.js'
import { receiptParamOf } from '../lib/receiptLink.js'
import { href, type Route } from '../lib/router.js'
import { vt } from '../vouchers/i18n/vt.js'
import { loadProviderVouchers } from '../vouchers/routes.js'

/** What a scanned text is, for the provider's handler. */
export type Scanned =
  | { kind: 'receipt'; param: string }
  | { kind: 'did'; did: string }
  | { kind: 'url'; url: string }
  | { kind: 'text'; text: string }

/** Classifies scanned text; later services (vouchers, permits) add their kinds here. */
export function classifyScan(text: string): Scanned {
  const param = receiptParamOf(text)
  if (param) return { kind: 'receipt', param }
  if (/^did:[a-z0-9]+:\S+$/.test(text)) return { kind: 'did', did: text }
  if (/^https?:\/\//.test(text)) return { kind: 'url', url: text }
  return { kind: 'text', text }
}

/** The provider page: phone-width, a scanner, and what was scanned. */
export function ProviderArea({ route }: { route: Route }) {
  const [scanned, setScanned] = useState<Scanned | undefined>(undefined)
  if (route.segments[1] === 'vouchers') return <Lazy key="vouchers" load={loadProviderVouchers} props={{ route }} />
  return (
    <div class="tab-stack tab-phone">
      <PageTitle title={t('provider.title')}>{t('provider.title')}</PageTitle>
      <p class="utrecht-paragraph">{t('provider.intro')}</p>
      <p>
        <a class="tab-task__title" href={href('/provider/vouchers')}>
          {vt('provider.takeVouchers')}
        </a>
      </p>
      {scanned ? (
        <div class="tab-stack" aria-live="polite">
          <ScanResult scanned={scanned} />
          <Button onClick={() => setScanned(undefined)}>{t('provider.again')}</Button>
        </div>
      ) : (
        <Scanner id="provider" onResult={(text) => setScanned(classifyScan(text))} />
      )}
    </div>
  )
}

function ScanResult({ scanned }: { scanned: Scanned }) {
  switch (scanned.kind) {
    case 'receipt':
      return (
        <Alert type="info">
          <p>{t('provider.receipt')}</p>
          <a href={href(`/verify?r=${scanned.param}`)}>{t('provider.verifyReceipt')}</a>
        </Alert>
      )
    case 'did':
      return (
        <Alert type="info">
          <p>{t('provider.did')}</p>
          <Hash value={scanned.did} full />
          <p class="tab-muted">{t('provider.didLater')}</p>
        </Alert>
      )
    case 'url':
      return (
        <Alert type="warning">
          <p>{t('provider.url')}</p>
          <code class="tab-hash tab-hash--full">{scanned.url}</code>
        </Alert>
      )
    default:
      return (
        <Alert type="warning">
          <p>{t('provider.text')}</p>
          <code class="tab-hash tab-hash--full">{scanned.text}</code>
        </Alert>
      )
  }
}
