import { useEffect, useRef, useState } from 'preact/hooks'
import { QrCode } from '../../components/QrCode.js'
import { Alert, Button, Card, DataList, Loading, PageTitle } from '../../components/ui.js'
import { formatDate, formatTime } from '../../i18n/index.js'
import type { StoredKey } from '../../lib/keys.js'
import { href } from '../../lib/router.js'
import { useAsync } from '../../lib/useAsync.js'
import { getFund, getVoucher, type VoucherView } from '../api.js'
import { type Authorisation, signAuthorisation } from '../crypto.js'
import { vt } from '../i18n/vt.js'
import { formatMoney } from '../money.js'
import { reasonOf } from '../submit.js'

const POLL_MS = 2_500

/**
 * One voucher: its balance and a QR code the provider scans. The code is a
 * fresh authorisation signed by this wallet's key (a new nonce each time,
 * valid 10 minutes); once a provider has used it, the page notices the new
 * balance and shows a new code.
 */
export function VoucherPage({ voucherId, walletKey }: { voucherId: string; walletKey: StoredKey }) {
  const initial = useAsync(async () => {
    const voucher = await getVoucher(voucherId)
    return { voucher, fund: await getFund(voucher.fund) }
  }, [voucherId])
  const [voucher, setVoucher] = useState<VoucherView | undefined>(undefined)
  const [code, setCode] = useState<Authorisation | undefined>(undefined)
  const [news, setNews] = useState<string | undefined>(undefined)
  const last = useRef<number | undefined>(undefined)

  const refresh = async () => setCode(await signAuthorisation(walletKey, voucherId))
  useEffect(() => {
    if (!initial.data) return
    setVoucher(initial.data.voucher)
    last.current = initial.data.voucher.balance
    void refresh()
    const timer = setInterval(async () => {
      const fresh = await getVoucher(voucherId).catch(() => undefined)
      if (!fresh || fresh.balance === last.current) return
      const paid = (last.current ?? fresh.balance) - fresh.balance
      last.current = fresh.balance
      setVoucher(fresh)
      setNews(
        paid > 0
          ? vt('voucher.paid', { amount: formatMoney(paid), balance: formatMoney(fresh.balance) })
          : vt('voucher.changed', { balance: formatMoney(fresh.balance) }),
      )
      void refresh()
    }, POLL_MS)
    return () => clearInterval(timer)
  }, [initial.data])

  if (initial.error) return <Alert type="error">{reasonOf(initial.error)}</Alert>
  if (!initial.data || !voucher) return <Loading />
  const { fund } = initial.data
  const mine = voucher.holder === walletKey.did
  const usable = voucher.status === 'active' && voucher.balance > 0 && Date.parse(voucher.expiresAt) > Date.now()
  const text = code ? JSON.stringify(code) : ''
  return (
    <div class="tab-stack tab-phone">
      <p>
        <a href={href('/wallet/vouchers')}>← {vt('wallet.title')}</a>
      </p>
      <PageTitle title={fund.name}>{fund.name}</PageTitle>
      {location.hash.includes('new=1') && !news && (
        <Alert type="ok">{vt('voucher.received', { value: formatMoney(voucher.value) })}</Alert>
      )}
      <div aria-live="polite">{news && <Alert type="ok">{news}</Alert>}</div>
      <div class="tab-balance">
        <span class="tab-balance__label">{vt('voucher.balance')}</span>
        <span class="tab-balance__value" id="voucher-balance">
          {formatMoney(voucher.balance)}
        </span>
        <span class="tab-balance__of">{vt('wallet.ofValue', { value: formatMoney(voucher.value) })}</span>
      </div>
      {!mine && <Alert type="warning">{vt('voucher.notMine')}</Alert>}
      {mine && usable && (
        <Card title={vt('voucher.codeTitle')}>
          <p>{vt('voucher.codeText')}</p>
          {code ? (
            <figure class="tab-voucher-qr">
              <QrCode text={text} label={vt('voucher.qrLabel', { fund: fund.name })} size={300} />
              <figcaption>{vt('voucher.validUntil', { time: formatTime(code.payload.expires) })}</figcaption>
            </figure>
          ) : (
            <Loading />
          )}
          <div class="tab-actions">
            <Button appearance="secondary" onClick={refresh}>
              {vt('voucher.newCode')}
            </Button>
          </div>
          <details class="tab-details">
            <summary>{vt('voucher.asText')}</summary>
            <p>{vt('voucher.asTextHelp')}</p>
            <pre class="tab-hash tab-hash--full tab-code" id="voucher-code-text">
              {text}
            </pre>
          </details>
        </Card>
      )}
      {!usable && <Alert type="info">{vt('voucher.notUsable')}</Alert>}
      {mine && usable && (
        <Card title={vt('reimburse.title')}>
          <p>{vt('reimburse.intro')}</p>
          <a
            class="utrecht-button utrecht-button--secondary-action tab-button-link"
            href={href(`/wallet/vouchers/${voucher.id}/reimburse`)}
          >
            {vt('reimburse.open')}
          </a>
        </Card>
      )}
      <DataList
        items={[
          [vt('voucher.validThrough'), formatDate(voucher.expiresAt)],
          [vt('voucher.number'), voucher.id],
          [vt('fund.categories'), fund.categories.length ? fund.categories.join(', ') : vt('fund.anyCategory')],
        ]}
      />
    </div>
  )
}
