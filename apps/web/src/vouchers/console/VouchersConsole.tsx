import '../vouchers.css'
import { useState } from 'preact/hooks'
import { query } from '../../api/client.js'
import type { NetworkInfo } from '../../api/types.js'
import { Alert, Button, Card, Field, Loading, PageTitle } from '../../components/ui.js'
import { formatDate } from '../../i18n/index.js'
import type { StoredKey } from '../../lib/keys.js'
import { href, navigate, type Route } from '../../lib/router.js'
import { useAsync } from '../../lib/useAsync.js'
import { getFunds, getVoucherIssuer } from '../api.js'
import { Table } from '../components.js'
import { vt } from '../i18n/vt.js'
import { formatMoney, parseMoney, slugOf } from '../money.js'
import { reasonOf, sendTx } from '../submit.js'
import { CardsPage } from './CardsPage.js'
import { CREDENTIAL_TYPES } from './credentialTypes.js'
import { FundPage } from './FundPage.js'

/** The console's vouchers section: the funds, a new fund, and one fund's page. */
export function VouchersConsole({
  keyInfo,
  network,
  route,
}: {
  keyInfo: StoredKey
  network: NetworkInfo
  route: Route
}) {
  const fund = route.segments[2]
  if (fund && route.segments[3] === 'cards') return <CardsPage fundId={fund} keyInfo={keyInfo} network={network} />
  if (fund) return <FundPage fundId={fund} keyInfo={keyInfo} network={network} />
  return <FundList keyInfo={keyInfo} network={network} />
}

function FundList({ keyInfo, network }: { keyInfo: StoredKey; network: NetworkInfo }) {
  const funds = useAsync(getFunds, [])
  return (
    <div class="tab-stack">
      <PageTitle title={vt('console.title')}>{vt('console.title')}</PageTitle>
      <p class="utrecht-paragraph utrecht-paragraph--lead">{vt('console.intro')}</p>
      <Card title={vt('console.funds')}>
        {funds.error ? <Alert type="error">{reasonOf(funds.error)}</Alert> : null}
        {!funds.data && !funds.error && <Loading />}
        {funds.data?.length === 0 && <p class="tab-empty">{vt('console.noFunds')}</p>}
        {funds.data && funds.data.length > 0 && (
          <Table
            caption={vt('console.funds')}
            head={[vt('fund.name'), vt('fund.eligibility'), vt('fund.budget'), vt('fund.period'), vt('fund.status')]}
            rows={funds.data.map((f) => ({
              key: f.id,
              cells: [
                <a key="a" href={href(`/console/vouchers/${f.id}`)}>
                  {f.name}
                </a>,
                vt(`eligibility.${f.eligibility as 'list'}`),
                formatMoney(f.budget),
                `${formatDate(f.opens_at)} – ${formatDate(f.closes_at)}`,
                vt(f.status === 'open' ? 'fund.open' : 'fund.closed'),
              ],
            }))}
          />
        )}
      </Card>
      <Card title={vt('create.title')}>
        <CreateFundForm keyInfo={keyInfo} network={network} />
      </Card>
    </div>
  )
}

const today = () => new Date().toISOString().slice(0, 10)
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)

function CreateFundForm({ keyInfo, network }: { keyInfo: StoredKey; network: NetworkInfo }) {
  const [form, setForm] = useState({
    name: '',
    budget: '',
    amount: '',
    opens: today(),
    closes: inDays(365),
    eligibility: 'credential',
    credentialType: CREDENTIAL_TYPES[0][0] as string,
    categories: '',
    debtorName: '',
    iban: '',
  })
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | undefined>(undefined)
  const set = (name: keyof typeof form) => (e: Event) =>
    setForm({ ...form, [name]: (e.target as HTMLInputElement | HTMLSelectElement).value })

  const submit = async (e: Event) => {
    e.preventDefault()
    setProblem(undefined)
    const budget = parseMoney(form.budget)
    const amount = parseMoney(form.amount)
    if (!form.name.trim()) return setProblem(vt('create.needName'))
    if (budget === undefined || amount === undefined) return setProblem(vt('create.needAmounts'))
    if (amount > budget) return setProblem(vt('create.amountAboveBudget'))
    if (form.closes <= form.opens) return setProblem(vt('create.badPeriod'))
    setBusy(true)
    try {
      const id = `${slugOf(form.name).slice(0, 19)}-${Date.now().toString(36).slice(-4)}`
      const issuer = form.eligibility === 'credential' ? await getVoucherIssuer() : { signer: null }
      if (form.eligibility === 'credential' && issuer.signer === null) throw { code: 'ISSUER_NOT_CONFIGURED' }
      await sendTx({
        key: keyInfo,
        network: network.network,
        action: 'createFund',
        args: {
          id,
          name: form.name.trim(),
          budget,
          opensAt: new Date(`${form.opens}T00:00:00Z`).toISOString(),
          closesAt: new Date(`${form.closes}T23:59:59Z`).toISOString(),
          eligibility:
            form.eligibility === 'credential'
              ? { kind: 'credential', types: [form.credentialType] }
              : { kind: form.eligibility },
          amount: { kind: 'fixed', value: amount },
          categories: form.categories
            .split(',')
            .map((c) => c.trim().toLowerCase())
            .filter(Boolean),
          ...(issuer.signer ? { managers: [issuer.signer] } : {}),
          debtor: { name: form.debtorName.trim(), iban: form.iban },
        },
      })
      if (issuer.signer) await letNodeIssue(keyInfo, network, issuer.signer)
      navigate(`/console/vouchers/${id}`)
    } catch (error) {
      setProblem(reasonOf(error))
      setBusy(false)
    }
  }

  return (
    <form class="tab-stack" onSubmit={submit} id="fund-form">
      <Field id="fund-name" label={vt('fund.name')}>
        <input
          id="fund-name"
          class="utrecht-textbox utrecht-textbox--html-input"
          value={form.name}
          maxLength={70}
          onInput={set('name')}
          required
        />
      </Field>
      <div class="tab-form-row">
        <Field id="fund-budget" label={vt('fund.budgetEuro')}>
          <input
            id="fund-budget"
            class="utrecht-textbox utrecht-textbox--html-input"
            inputMode="decimal"
            value={form.budget}
            onInput={set('budget')}
            required
          />
        </Field>
        <Field id="fund-amount" label={vt('fund.amountEuro')} description={vt('fund.amountHelp')}>
          <input
            id="fund-amount"
            class="utrecht-textbox utrecht-textbox--html-input"
            inputMode="decimal"
            aria-describedby="fund-amount-description"
            value={form.amount}
            onInput={set('amount')}
            required
          />
        </Field>
      </div>
      <div class="tab-form-row">
        <Field id="fund-opens" label={vt('fund.opens')}>
          <input
            id="fund-opens"
            type="date"
            class="utrecht-textbox utrecht-textbox--html-input"
            value={form.opens}
            onInput={set('opens')}
            required
          />
        </Field>
        <Field id="fund-closes" label={vt('fund.closes')}>
          <input
            id="fund-closes"
            type="date"
            class="utrecht-textbox utrecht-textbox--html-input"
            value={form.closes}
            onInput={set('closes')}
            required
          />
        </Field>
      </div>
      <Field id="fund-eligibility" label={vt('fund.eligibility')} description={vt('fund.eligibilityHelp')}>
        <select
          id="fund-eligibility"
          class="utrecht-select utrecht-select--html-select"
          aria-describedby="fund-eligibility-description"
          value={form.eligibility}
          onChange={set('eligibility')}
        >
          <option value="credential">{vt('eligibility.credential')}</option>
          <option value="list">{vt('eligibility.list')}</option>
          <option value="clerk">{vt('eligibility.clerk')}</option>
        </select>
      </Field>
      {form.eligibility === 'credential' && (
        <Field id="fund-credential" label={vt('fund.credential')} description={vt('fund.credentialHelp')}>
          <select
            id="fund-credential"
            class="utrecht-select utrecht-select--html-select"
            aria-describedby="fund-credential-description"
            value={form.credentialType}
            onChange={set('credentialType')}
          >
            {CREDENTIAL_TYPES.map(([type, label]) => (
              <option key={type} value={type}>
                {vt(label)}
              </option>
            ))}
          </select>
        </Field>
      )}
      <Field id="fund-categories" label={vt('fund.categories')} description={vt('fund.categoriesHelp')}>
        <input
          id="fund-categories"
          class="utrecht-textbox utrecht-textbox--html-input"
          aria-describedby="fund-categories-description"
          value={form.categories}
          onInput={set('categories')}
        />
      </Field>
      <div class="tab-form-row">
        <Field id="fund-debtor" label={vt('fund.debtorName')}>
          <input
            id="fund-debtor"
            class="utrecht-textbox utrecht-textbox--html-input"
            autocomplete="organization"
            value={form.debtorName}
            maxLength={70}
            onInput={set('debtorName')}
            required
          />
        </Field>
        <Field id="fund-iban" label={vt('fund.iban')}>
          <input
            id="fund-iban"
            class="utrecht-textbox utrecht-textbox--html-input tab-mono-input"
            value={form.iban}
            maxLength={42}
            onInput={set('iban')}
            required
          />
        </Field>
      </div>
      <div class="tab-actions">
        <Button type="submit" disabled={busy}>
          {busy ? vt('common.working') : vt('create.submit')}
        </Button>
      </div>
      <div aria-live="polite">{problem && <Alert type="error">{problem}</Alert>}</div>
    </form>
  )
}

// The node signs the vouchers of credential funds with its issuer key: that
// key needs role `vouchers:manager`, granted by a governance proposal (which
// executes at once when one approval is enough, as in a sandbox).
async function letNodeIssue(keyInfo: StoredKey, network: NetworkInfo, signer: string): Promise<void> {
  const held = await query<{ hasRole: boolean }>('governance', 'hasRole', { did: signer, role: 'vouchers:manager' })
  if (held.hasRole) return
  await sendTx({
    key: keyInfo,
    network: network.network,
    module: 'governance',
    action: 'propose',
    args: { kind: 'grantRole', role: 'vouchers:manager', did: signer, reason: 'issue vouchers of credential funds' },
  })
}
