import '../vouchers.css'
import { useEffect, useState } from 'preact/hooks'
import { getNetwork } from '../../api/client.js'
import type { NetworkInfo } from '../../api/types.js'
import { Alert, Button, Card, Field, Loading, PageTitle } from '../../components/ui.js'
import { generateKey, type StoredKey } from '../../lib/keys.js'
import { href, type Route } from '../../lib/router.js'
import { getItem, putItem } from '../../lib/store.js'
import { useAsync } from '../../lib/useAsync.js'
import { findProvider, getFunds, type ProviderView } from '../api.js'
import { vt } from '../i18n/vt.js'
import { slugOf } from '../money.js'
import { reasonOf, sendTx } from '../submit.js'
import { History, Offers } from './ProviderOffers.js'
import { Till } from './Till.js'

// The provider's signing key: made in this browser, not extractable, kept in
// IndexedDB beside the console and wallet keys (slot `provider`).
const loadProviderKey = () => getItem<StoredKey>('keys', 'provider')

/** The provider's voucher pages (phone-width): sign up, the till, offers and history. */
export function ProviderVouchers({ route }: { route: Route }) {
  const [key, setKey] = useState<StoredKey | null | undefined>(undefined)
  const [network, setNetwork] = useState<NetworkInfo | undefined>(undefined)
  const [provider, setProvider] = useState<ProviderView | null | undefined>(undefined)
  const [failed, setFailed] = useState(false)
  useEffect(() => {
    getNetwork().then(setNetwork, () => setFailed(true))
    loadProviderKey().then(
      async (k) => {
        setKey(k ?? null)
        setProvider(k ? ((await findProvider(k.did)) ?? null) : null)
      },
      () => setKey(null),
    )
  }, [])
  if (failed) return <Alert type="error">{reasonOf({ code: 'NETWORK' })}</Alert>
  if (key === undefined || provider === undefined || !network) return <Loading />
  if (!key || !provider)
    return (
      <SignUp
        network={network}
        existing={key ?? undefined}
        onDone={(k, p) => {
          setKey(k)
          setProvider(p)
        }}
      />
    )
  const section = route.segments[2] ?? 'till'
  const ctx = { keyInfo: key, network, provider }
  return (
    <div class="tab-stack tab-phone">
      <nav class="tab-subnav tab-subnav--inline" aria-label={vt('provider.sections')}>
        <ul>
          {(
            [
              ['till', vt('provider.till')],
              ['offers', vt('provider.offers')],
              ['history', vt('provider.history')],
            ] as const
          ).map(([id, label]) => (
            <li key={id}>
              <a href={href(`/provider/vouchers/${id}`)} aria-current={section === id ? 'page' : undefined}>
                {label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {section === 'offers' ? <Offers {...ctx} /> : section === 'history' ? <History {...ctx} /> : <Till {...ctx} />}
    </div>
  )
}

function SignUp({
  network,
  existing,
  onDone,
}: {
  network: NetworkInfo
  existing: StoredKey | undefined
  onDone: (key: StoredKey, provider: ProviderView) => void
}) {
  const funds = useAsync(getFunds, [])
  const [form, setForm] = useState({ name: '', accountName: '', iban: '', categories: '' })
  const [chosen, setChosen] = useState<string[]>([])
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | undefined>(undefined)
  const set = (name: keyof typeof form) => (e: Event) =>
    setForm({ ...form, [name]: (e.target as HTMLInputElement).value })
  const submit = async (e: Event) => {
    e.preventDefault()
    setProblem(undefined)
    const categories = form.categories
      .split(',')
      .map((c) => c.trim().toLowerCase())
      .filter(Boolean)
    if (!form.name.trim() || categories.length === 0) return setProblem(vt('signup.needFields'))
    setBusy(true)
    try {
      const key = existing ?? (await generateKey({ extractable: false }))
      if (!existing) await putItem('keys', 'provider', key)
      await sendTx({
        key,
        network: network.network,
        action: 'registerProvider',
        args: {
          id: `${slugOf(form.name).slice(0, 18)}-${Date.now().toString(36).slice(-5)}`,
          name: form.name.trim(),
          account: { name: (form.accountName || form.name).trim(), iban: form.iban },
          categories,
          funds: chosen,
        },
      })
      const provider = await findProvider(key.did)
      if (provider) onDone(key, provider)
    } catch (error) {
      setProblem(reasonOf(error))
      setBusy(false)
    }
  }
  const open = (funds.data ?? []).filter((f) => f.status === 'open')
  return (
    <div class="tab-stack tab-phone">
      <PageTitle title={vt('signup.title')}>{vt('signup.title')}</PageTitle>
      <p class="utrecht-paragraph">{vt('signup.intro')}</p>
      <form class="tab-stack" onSubmit={submit} id="provider-signup">
        <Field id="provider-name" label={vt('signup.name')}>
          <input
            id="provider-name"
            class="utrecht-textbox utrecht-textbox--html-input"
            autocomplete="organization"
            maxLength={70}
            value={form.name}
            onInput={set('name')}
            required
          />
        </Field>
        <Field id="provider-categories" label={vt('fund.categories')} description={vt('signup.categoriesHelp')}>
          <input
            id="provider-categories"
            class="utrecht-textbox utrecht-textbox--html-input"
            aria-describedby="provider-categories-description"
            value={form.categories}
            onInput={set('categories')}
            required
          />
        </Field>
        <Field id="provider-account" label={vt('signup.accountName')}>
          <input
            id="provider-account"
            class="utrecht-textbox utrecht-textbox--html-input"
            maxLength={70}
            value={form.accountName}
            onInput={set('accountName')}
          />
        </Field>
        <Field id="provider-iban" label={vt('fund.iban')}>
          <input
            id="provider-iban"
            class="utrecht-textbox utrecht-textbox--html-input tab-mono-input"
            maxLength={42}
            value={form.iban}
            onInput={set('iban')}
            required
          />
        </Field>
        <fieldset class="utrecht-form-fieldset tab-fieldset">
          <legend class="utrecht-form-fieldset__legend">{vt('signup.funds')}</legend>
          {!funds.data && <Loading />}
          {funds.data && open.length === 0 && <p class="tab-empty">{vt('wallet.noOpenFunds')}</p>}
          {open.map((f) => (
            <label key={f.id} class="tab-choice">
              <input
                type="checkbox"
                value={f.id}
                checked={chosen.includes(f.id)}
                onChange={(e) =>
                  setChosen(
                    (e.target as HTMLInputElement).checked ? [...chosen, f.id] : chosen.filter((c) => c !== f.id),
                  )
                }
              />{' '}
              {f.name}
            </label>
          ))}
        </fieldset>
        <div class="tab-actions">
          <Button type="submit" disabled={busy}>
            {busy ? vt('common.working') : vt('signup.submit')}
          </Button>
        </div>
        <div aria-live="polite">{problem && <Alert type="error">{problem}</Alert>}</div>
      </form>
      <Card title={vt('signup.keyTitle')} headingLevel={2}>
        <p>{vt('signup.keyText')}</p>
      </Card>
    </div>
  )
}
