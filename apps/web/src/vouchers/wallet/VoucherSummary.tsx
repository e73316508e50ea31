import type { StoredKey } from '../../lib/keys.js'
import { href } from '../../lib/router.js'
import { useAsync } from '../../lib/useAsync.js'
import { getVouchersOf } from '../api.js'
import { vt } from '../i18n/vt.js'
import { formatMoney } from '../money.js'

/** The wallet home's "Vouchers" section: each voucher's balance, and the way to apply. */
export function VoucherSummary({ walletKey }: { walletKey: StoredKey }) {
  const vouchers = useAsync(() => getVouchersOf(walletKey.did), [walletKey.did])
  return (
    <>
      {vouchers.data && vouchers.data.length > 0 ? (
        <ul class="tab-receipt-list">
          {vouchers.data.map((v) => (
            <li key={v.id}>
              <a href={href(`/wallet/vouchers/${v.id}`)}>
                {vt('summary.item', { balance: formatMoney(v.balance), value: formatMoney(v.value) })}
              </a>
            </li>
          ))}
        </ul>
      ) : (
        <p class="tab-empty">{vt('wallet.none')}</p>
      )}
      <p>
        <a href={href('/wallet/vouchers')}>{vt('summary.open')}</a>
      </p>
    </>
  )
}
