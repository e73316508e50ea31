import '../vouchers.css'
import { useEffect, useState } from 'preact/hooks'
import { Alert, Card, Loading, PageTitle } from '../../components/ui.js'
import { formatDate } from '../../i18n/index.js'
import { loadKey, type StoredKey } from '../../lib/keys.js'
import { href, type Route } from '../../lib/router.js'
import { useAsync } from '../../lib/useAsync.js'
import { getFund, getFunds, getVouchersOf } from '../api.js'
import { vt } from '../i18n/vt.js'
import { formatMoney } from '../money.js'
import { reasonOf } from '../submit.js'
import { ApplyPage } from './ApplyPage.js'
import { ReimbursePage } from './ReimbursePage.js'
import { VoucherPage } from './VoucherPage.js'

/** The wallet's vouchers: `#/wallet/vouchers`, one voucher with its QR code, and applying to a fund. */
export function WalletVouchers({ route }: { route: Route }) {
  const [key, setKey] = useState<StoredKey | null | undefined>(undefined)
  useEffect(() => {
    loadKey('wallet').then(
      (k) => setKey(k ?? null),
      () => setKey(null),
    )
  }, [])
  if (key === undefined) return <Loading />
  if (key === null)
    return (
      <div class="tab-stack tab-narrow">
        <PageTitle title={vt('wallet.title')}>{vt('wallet.title')}</PageTitle>
        <Alert type="info">
          <p>{vt('wallet.noWallet')}</p>
          <a href={href('/wallet')}>{vt('wallet.makeWallet')}</a>
        </Alert>
      </div>
    )
  const [, , second, third] = route.segments
  if (second === 'apply' && third) return <ApplyPage fundId={third} walletKey={key} />
  if (second && third === 'reimburse') return <ReimbursePage voucherId={second} walletKey={key} />
  if (second) return <VoucherPage voucherId={second} walletKey={key} />
  return <VoucherList walletKey={key} />
}

function VoucherList({ walletKey }: { walletKey: StoredKey }) {
  const vouchers = useAsync(() => getVouchersOf(walletKey.did), [walletKey.did])
  const funds = useAsync(async () => {
    const rows = await getFunds()
    return Promise.all(rows.filter((f) => f.status === 'open').map((f) => getFund(f.id)))
  }, [])
  const nameOf = (id: string) => funds.data?.find((f) => f.id === id)?.name ?? id
  const held = new Set((vouchers.data ?? []).map((v) => v.fund))
  const open = (funds.data ?? []).filter((f) => f.eligibility.kind === 'credential' && !held.has(f.id))
  return (
    <div class="tab-stack tab-narrow">
      <p>
        <a href={href('/wallet')}>← {vt('wallet.back')}</a>
      </p>
      <PageTitle title={vt('wallet.title')}>{vt('wallet.title')}</PageTitle>
      <p class="utrecht-paragraph utrecht-paragraph--lead">{vt('wallet.intro')}</p>
      <Card title={vt('wallet.yours')}>
        {vouchers.error ? <Alert type="error">{reasonOf(vouchers.error)}</Alert> : null}
        {!vouchers.data && !vouchers.error && <Loading />}
        {vouchers.data?.length === 0 && <p class="tab-empty">{vt('wallet.none')}</p>}
        {vouchers.data && vouchers.data.length > 0 && (
          <ul class="tab-vouchers" id="wallet-vouchers">
            {vouchers.data.map((v) => (
              <li key={v.id} class="tab-voucher">
                <a href={href(`/wallet/vouchers/${v.id}`)} class="tab-voucher__link">
                  <span class="tab-voucher__fund">{nameOf(v.fund)}</span>
                  <span class="tab-voucher__balance">{formatMoney(v.balance)}</span>
                  <span class="tab-voucher__meta">
                    {vt('wallet.ofValue', { value: formatMoney(v.value) })} ·{' '}
                    {vt('wallet.until', { date: formatDate(v.expires_at) })}
                  </span>
                  <span class="tab-voucher__action">{vt('wallet.showCode')}</span>
                </a>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title={vt('wallet.applyTitle')}>
        <p>{vt('wallet.applyText')}</p>
        {!funds.data && !funds.error && <Loading />}
        {funds.data && open.length === 0 && <p class="tab-empty">{vt('wallet.noOpenFunds')}</p>}
        {open.length > 0 && (
          <ul class="tab-fund-list">
            {open.map((f) => (
              <li key={f.id}>
                <span>
                  <strong>{f.name}</strong> —{' '}
                  {f.amount.kind === 'fixed' ? formatMoney(f.amount.value) : vt('wallet.perUnit')} ·{' '}
                  {vt('wallet.until', { date: formatDate(f.closesAt) })}
                </span>
                <a
                  class="utrecht-button utrecht-button--primary-action tab-button-link"
                  href={href(`/wallet/vouchers/apply/${f.id}`)}
                >
                  {vt('wallet.apply', { fund: f.name })}
                </a>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  )
}
