import { useState } from 'preact/hooks'
import { Alert, Button, Card, Field, Loading, PageTitle } from '../../components/ui.js'
import { formatTime } from '../../i18n/index.js'
import { useAsync } from '../../lib/useAsync.js'
import { findProvider, getRedemptions } from '../api.js'
import { Table } from '../components.js'
import { vt } from '../i18n/vt.js'
import { formatMoney, parseMoney, slugOf } from '../money.js'
import { reasonOf, sendTx } from '../submit.js'
import type { ProviderContext } from './Till.js'

/** The provider's products and offers with their prices, and a new one. */
export function Offers({ keyInfo, network, provider }: ProviderContext) {
  const current = useAsync(() => findProvider(provider.did), [provider.did])
  const [form, setForm] = useState({ name: '', price: '', category: provider.categories[0] ?? '' })
  const [problem, setProblem] = useState<string | undefined>(undefined)
  const [busy, setBusy] = useState(false)
  const offers = current.data?.offers ?? provider.offers
  const save = async (e: Event) => {
    e.preventDefault()
    setProblem(undefined)
    const price = parseMoney(form.price)
    if (!form.name.trim() || price === undefined) return setProblem(vt('offers.needFields'))
    setBusy(true)
    try {
      await sendTx({
        key: keyInfo,
        network: network.network,
        action: 'saveOffer',
        args: { id: slugOf(form.name), name: form.name.trim(), category: form.category, price },
      })
      setForm({ ...form, name: '', price: '' })
      current.reload()
    } catch (error) {
      setProblem(reasonOf(error))
    } finally {
      setBusy(false)
    }
  }
  return (
    <div class="tab-stack">
      <PageTitle title={vt('provider.offers')}>{vt('provider.offers')}</PageTitle>
      {offers.length === 0 ? (
        <p class="tab-empty">{vt('offers.none')}</p>
      ) : (
        <Table
          caption={vt('provider.offers')}
          head={[vt('offers.name'), vt('till.category'), vt('offers.price')]}
          rows={offers.map((o) => ({ key: o.id, cells: [o.name, o.category, formatMoney(o.price)] }))}
        />
      )}
      <Card title={vt('offers.add')}>
        <form class="tab-stack" onSubmit={save}>
          <Field id="offer-name" label={vt('offers.name')}>
            <input
              id="offer-name"
              class="utrecht-textbox utrecht-textbox--html-input"
              maxLength={70}
              value={form.name}
              onInput={(e) => setForm({ ...form, name: (e.target as HTMLInputElement).value })}
            />
          </Field>
          <Field id="offer-price" label={vt('offers.priceEuro')}>
            <input
              id="offer-price"
              class="utrecht-textbox utrecht-textbox--html-input"
              inputMode="decimal"
              value={form.price}
              onInput={(e) => setForm({ ...form, price: (e.target as HTMLInputElement).value })}
            />
          </Field>
          <Field id="offer-category" label={vt('till.category')}>
            <select
              id="offer-category"
              class="utrecht-select utrecht-select--html-select"
              value={form.category}
              onChange={(e) => setForm({ ...form, category: (e.target as HTMLSelectElement).value })}
            >
              {provider.categories.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </Field>
          <div class="tab-actions">
            <Button type="submit" disabled={busy}>
              {vt('offers.save')}
            </Button>
          </div>
          <div aria-live="polite">{problem && <Alert type="error">{problem}</Alert>}</div>
        </form>
      </Card>
    </div>
  )
}

/** The provider's redemptions, newest first, each refundable. */
export function History({ keyInfo, network, provider }: ProviderContext) {
  const list = useAsync(() => getRedemptions({ provider: provider.id, limit: 50 }), [provider.id])
  const [message, setMessage] = useState<{ ok: boolean; text: string } | undefined>(undefined)
  const refund = async (txid: string, left: number) => {
    setMessage(undefined)
    try {
      await sendTx({
        key: keyInfo,
        network: network.network,
        action: 'refund',
        args: { redemption: txid, reason: 'returned by the customer' },
      })
      setMessage({ ok: true, text: vt('history.refunded', { amount: formatMoney(left) }) })
      list.reload()
    } catch (error) {
      setMessage({ ok: false, text: reasonOf(error) })
    }
  }
  return (
    <div class="tab-stack">
      <PageTitle title={vt('provider.history')}>{vt('provider.history')}</PageTitle>
      <div aria-live="polite">{message && <Alert type={message.ok ? 'ok' : 'error'}>{message.text}</Alert>}</div>
      {!list.data && <Loading />}
      {list.data?.length === 0 && <p class="tab-empty">{vt('history.none')}</p>}
      {list.data && list.data.length > 0 && (
        <Table
          id="provider-history"
          caption={vt('provider.history')}
          head={[vt('history.time'), vt('settle.amount'), vt('history.refundedCol'), vt('providers.action')]}
          rows={list.data.map((r) => ({
            key: r.txid,
            cells: [
              formatTime(r.time),
              formatMoney(r.amount),
              r.refunded > 0 ? formatMoney(r.refunded) : '—',
              r.refunded < r.amount ? (
                <Button key="r" appearance="secondary" onClick={() => refund(r.txid, r.amount - r.refunded)}>
                  {vt('history.refund', { amount: formatMoney(r.amount - r.refunded) })}
                </Button>
              ) : (
                '—'
              ),
            ],
          }))}
        />
      )}
    </div>
  )
}
