import { useState } from 'preact/hooks'
import { getNetwork } from '../../api/client.js'
import { Alert, Button, Field, Loading, PageTitle } from '../../components/ui.js'
import type { StoredKey } from '../../lib/keys.js'
import { href } from '../../lib/router.js'
import { useAsync } from '../../lib/useAsync.js'
import { getFund, getVoucher } from '../api.js'
import { receiptDigest } from '../crypto.js'
import { vt } from '../i18n/vt.js'
import { formatMoney, parseMoney } from '../money.js'
import { reasonOf, sendTx } from '../submit.js'

const today = () => new Date().toISOString().slice(0, 10)

/**
 * A reimbursement request from the wallet: the holder paid an eligible
 * expense out of pocket and asks the municipality to refund it from the
 * voucher (`requestReimbursement`). Only a digest of the receipt photo, bound
 * to the shop and date, reaches the ledger; the photo stays on the phone, and
 * the payee is the voucher's beneficiary, whose account the municipality
 * keeps in its vault.
 */
export function ReimbursePage({ voucherId, walletKey }: { voucherId: string; walletKey: StoredKey }) {
  const data = useAsync(async () => {
    const voucher = await getVoucher(voucherId)
    return { voucher, fund: await getFund(voucher.fund), network: await getNetwork() }
  }, [voucherId])
  const [form, setForm] = useState({ amount: '', category: '', shop: '', date: today() })
  const [photo, setPhoto] = useState<File | undefined>(undefined)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | undefined>(undefined)
  const [sent, setSent] = useState<string | undefined>(undefined)
  if (data.error) return <Alert type="error">{reasonOf(data.error)}</Alert>
  if (!data.data) return <Loading />
  const { voucher, fund, network } = data.data
  const categories = fund.categories
  const category = form.category || categories[0] || ''
  const set = (name: keyof typeof form) => (e: Event) =>
    setForm({ ...form, [name]: (e.target as HTMLInputElement | HTMLSelectElement).value })

  const submit = async (e: Event) => {
    e.preventDefault()
    setProblem(undefined)
    const cents = parseMoney(form.amount)
    if (cents === undefined) return setProblem(vt('reimburse.needAmount'))
    if (cents > voucher.balance)
      return setProblem(vt('reimburse.aboveBalance', { balance: formatMoney(voucher.balance) }))
    if (!/^[a-z][a-z0-9-]{0,31}$/.test(category)) return setProblem(vt('reimburse.needCategory'))
    if (!form.shop.trim()) return setProblem(vt('reimburse.needShop'))
    if (!form.date || form.date > today()) return setProblem(vt('reimburse.badDate'))
    if (!photo) return setProblem(vt('reimburse.needPhoto'))
    setBusy(true)
    try {
      const receipt = await receiptDigest({ photo: await photo.arrayBuffer(), shop: form.shop, date: form.date })
      await sendTx({
        key: walletKey,
        network: network.network,
        action: 'requestReimbursement',
        args: { voucher: voucher.id, amount: cents, category, receipt, payeeRef: `voucher:${voucher.id}` },
      })
      setSent(vt('reimburse.sent', { amount: formatMoney(cents), receipt: receipt.slice(0, 12) }))
    } catch (error) {
      setProblem(reasonOf(error))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div class="tab-stack tab-phone">
      <p>
        <a href={href(`/wallet/vouchers/${voucher.id}`)}>← {fund.name}</a>
      </p>
      <PageTitle title={vt('reimburse.title')}>{vt('reimburse.title')}</PageTitle>
      <p>{vt('reimburse.text', { balance: formatMoney(voucher.balance) })}</p>
      {sent ? (
        <div aria-live="polite" id="reimburse-sent">
          <Alert type="ok">
            <p>{sent}</p>
            <p>{vt('reimburse.keepReceipt')}</p>
          </Alert>
        </div>
      ) : (
        <form class="tab-stack" id="reimburse-form" onSubmit={submit}>
          <Field id="reimburse-amount" label={vt('reimburse.amount')}>
            <input
              id="reimburse-amount"
              class="utrecht-textbox utrecht-textbox--html-input"
              inputMode="decimal"
              autocomplete="off"
              value={form.amount}
              onInput={set('amount')}
              required
            />
          </Field>
          <Field id="reimburse-category" label={vt('reimb.category')}>
            {categories.length > 0 ? (
              <select
                id="reimburse-category"
                class="utrecht-select utrecht-select--html-select"
                value={category}
                onChange={set('category')}
              >
                {categories.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            ) : (
              <input
                id="reimburse-category"
                class="utrecht-textbox utrecht-textbox--html-input"
                value={form.category}
                maxLength={32}
                onInput={set('category')}
                required
              />
            )}
          </Field>
          <Field id="reimburse-shop" label={vt('reimburse.shop')}>
            <input
              id="reimburse-shop"
              class="utrecht-textbox utrecht-textbox--html-input"
              value={form.shop}
              maxLength={70}
              onInput={set('shop')}
              required
            />
          </Field>
          <Field id="reimburse-date" label={vt('reimburse.date')}>
            <input
              id="reimburse-date"
              type="date"
              class="utrecht-textbox utrecht-textbox--html-input"
              value={form.date}
              max={today()}
              onInput={set('date')}
              required
            />
          </Field>
          <Field id="reimburse-photo" label={vt('reimburse.photo')} description={vt('reimburse.photoHelp')}>
            <input
              id="reimburse-photo"
              type="file"
              accept="image/*,application/pdf"
              capture="environment"
              aria-describedby="reimburse-photo-description"
              onChange={(e) => setPhoto((e.target as HTMLInputElement).files?.[0])}
              required
            />
          </Field>
          <div class="tab-actions">
            <Button type="submit" disabled={busy}>
              {busy ? vt('common.working') : vt('reimburse.submit')}
            </Button>
          </div>
          <div aria-live="polite">{problem && <Alert type="error">{problem}</Alert>}</div>
        </form>
      )}
    </div>
  )
}
