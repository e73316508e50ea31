import { toBase64Url } from '@tabularium/core'
import { useState } from 'preact/hooks'
import type { NetworkInfo } from '../../api/types.js'
import { BarChart, ColumnChart } from '../../components/BarChart.js'
import { FileDrop } from '../../components/FileDrop.js'
import { Alert, Button, Card, DataList, Loading, PageTitle } from '../../components/ui.js'
import { formatDate, formatDay } from '../../i18n/index.js'
import type { StoredKey } from '../../lib/keys.js'
import { href } from '../../lib/router.js'
import { getItem, putItem } from '../../lib/store.js'
import { useAsync } from '../../lib/useAsync.js'
import { type FundView, getFund, getProviders, getSpending, pseudonymise } from '../api.js'
import { BudgetBar, Figures, Table } from '../components.js'
import { vt } from '../i18n/vt.js'
import { formatMoney } from '../money.js'
import { reasonOf, sendTx } from '../submit.js'
import { CREDENTIAL_TYPES } from './credentialTypes.js'
import { Reimbursements, Settlements } from './Payouts.js'

/** One fund: its figures and charts, the eligibility upload, providers, settlements and reimbursements. */
export function FundPage({ fundId, keyInfo, network }: { fundId: string; keyInfo: StoredKey; network: NetworkInfo }) {
  const fund = useAsync(() => getFund(fundId), [fundId])
  const [tick, setTick] = useState(0)
  const changed = () => {
    setTick(tick + 1)
    fund.reload()
  }
  if (fund.error) return <Alert type="error">{reasonOf(fund.error)}</Alert>
  if (!fund.data) return <Loading />
  const f = fund.data
  const ctx = { fund: f, keyInfo, network, changed, tick }
  return (
    <div class="tab-stack">
      <p>
        <a href={href('/console/vouchers')}>← {vt('console.allFunds')}</a>
      </p>
      <PageTitle title={f.name}>{f.name}</PageTitle>
      <Figures
        label={vt('fund.figures')}
        items={[
          [vt('fund.budget'), formatMoney(f.budget)],
          [vt('fund.committed'), formatMoney(f.totals.committed)],
          [vt('fund.spent'), formatMoney(f.totals.redeemed + f.totals.reimbursed)],
          [vt('fund.vouchers'), String(f.totals.vouchers)],
        ]}
      />
      <BudgetBar
        used={f.totals.committed}
        budget={f.budget}
        label={vt('fund.remaining', { remaining: formatMoney(f.remaining), budget: formatMoney(f.budget) })}
      />
      <div class="tab-grid tab-grid--wide">
        <Card title={vt('fund.rules')}>
          <DataList
            items={[
              [vt('fund.eligibility'), describeEligibility(f)],
              [
                vt('fund.amount'),
                f.amount.kind === 'fixed'
                  ? formatMoney(f.amount.value)
                  : `${formatMoney(f.amount.base)} + ${formatMoney(f.amount.perUnit)} / ${f.amount.unit}`,
              ],
              [vt('fund.period'), `${formatDate(f.opensAt)} – ${formatDate(f.closesAt)}`],
              [vt('fund.categories'), f.categories.length ? f.categories.join(', ') : vt('fund.anyCategory')],
              [vt('fund.status'), vt(f.status === 'open' ? 'fund.open' : 'fund.closed')],
              [vt('fund.debtorName'), `${f.debtor.name} · ${f.debtor.iban}`],
            ]}
          />
        </Card>
        {f.eligibility.kind === 'list' && <EligibilityUpload {...ctx} />}
        {f.eligibility.kind !== 'credential' && (
          <Card title={vt('cards.cardTitle')}>
            <p>{vt('cards.cardText')}</p>
            <a
              class="utrecht-button utrecht-button--secondary-action tab-button-link"
              href={href(`/console/vouchers/${f.id}/cards`)}
            >
              {vt('cards.open')}
            </a>
          </Card>
        )}
      </div>
      <Spending fund={f} tick={tick} />
      <Providers {...ctx} />
      <Settlements {...ctx} />
      <Reimbursements {...ctx} />
    </div>
  )
}

/** What the fund's sections share. */
export interface FundContext {
  fund: FundView
  keyInfo: StoredKey
  network: NetworkInfo
  changed: () => void
  tick: number
}

function describeEligibility(f: FundView): string {
  if (f.eligibility.kind !== 'credential') return vt(`eligibility.${f.eligibility.kind}`)
  const names = f.eligibility.types.map((type) => {
    const known = CREDENTIAL_TYPES.find(([t]) => t === type)
    return known ? vt(known[1]) : type
  })
  return `${vt('eligibility.credential')}: ${names.join(', ')}`
}

function Spending({ fund, tick }: { fund: FundView; tick: number }) {
  const data = useAsync(
    () =>
      Promise.all([
        getSpending(fund.id, 'provider'),
        getSpending(fund.id, 'category'),
        getSpending(fund.id, 'day'),
        getProviders({ fund: fund.id }),
      ]),
    [fund.id, tick],
  )
  if (!data.data) return data.error ? <Alert type="error">{reasonOf(data.error)}</Alert> : <Loading />
  const [byProvider, byCategory, byDay, providers] = data.data
  const name = (id: string) => providers.find((p) => p.id === id)?.name ?? id
  const euros = (cents: number) => Math.round(cents) / 100
  return (
    <div class="tab-grid tab-grid--wide" id="fund-charts">
      <Card title={vt('chart.byProvider')}>
        <BarChart
          id="chart-provider"
          title={vt('chart.byProviderTitle')}
          valueLabel={vt('chart.euros')}
          bars={byProvider.map((r) => ({ label: name(r.key), value: euros(r.amount) }))}
        />
      </Card>
      <Card title={vt('chart.byCategory')}>
        <BarChart
          id="chart-category"
          title={vt('chart.byCategoryTitle')}
          valueLabel={vt('chart.euros')}
          bars={byCategory.map((r) => ({ label: r.key, value: euros(r.amount) }))}
        />
      </Card>
      <Card title={vt('chart.byDay')}>
        <ColumnChart
          id="chart-day"
          title={vt('chart.byDayTitle')}
          valueLabel={vt('chart.euros')}
          bars={byDay.slice(-14).map((r) => ({ label: formatDay(r.key), value: euros(r.amount) }))}
        />
        <p>
          <a href={`/v1/vouchers/spending.csv?fund=${fund.id}&groupBy=day`} download>
            {vt('chart.csv')}
          </a>
        </p>
      </Card>
    </div>
  )
}

// The municipality's pseudonym key for list funds: random, kept in this
// browser (IndexedDB) so that a later upload gives the same pseudonyms.
export async function pseudonymKey(): Promise<string> {
  const saved = await getItem<string>('keys', 'vouchers-pseudonym')
  if (saved) return saved
  const key = toBase64Url(crypto.getRandomValues(new Uint8Array(32)))
  await putItem('keys', 'vouchers-pseudonym', key)
  return key
}

function EligibilityUpload({ fund, keyInfo, network, changed }: FundContext) {
  const [state, setState] = useState<{ kind: 'idle' | 'working' | 'done' | 'error'; text?: string }>({ kind: 'idle' })
  const upload = async (file: File) => {
    setState({ kind: 'working' })
    try {
      const { entries } = await pseudonymise(fund.id, await file.text(), await pseudonymKey())
      for (let i = 0; i < entries.length; i += 500) {
        await sendTx({
          key: keyInfo,
          network: network.network,
          action: 'addEligible',
          args: { fund: fund.id, entries: entries.slice(i, i + 500) },
        })
      }
      setState({ kind: 'done', text: vt('upload.done', { count: entries.length }) })
      changed()
    } catch (error) {
      setState({ kind: 'error', text: reasonOf(error) })
    }
  }
  return (
    <Card title={vt('upload.title')}>
      <p>{vt('upload.text')}</p>
      <FileDrop id="eligibility-file" label={vt('upload.choose')} accept=".csv,text/csv" onFile={upload} />
      <div aria-live="polite">
        {state.kind === 'working' && <Loading label={vt('common.working')} />}
        {state.kind === 'done' && <Alert type="ok">{state.text}</Alert>}
        {state.kind === 'error' && <Alert type="error">{state.text}</Alert>}
      </div>
    </Card>
  )
}

function Providers({ fund, keyInfo, network, changed, tick }: FundContext) {
  const providers = useAsync(() => getProviders({ fund: fund.id }), [fund.id, tick])
  const [problem, setProblem] = useState<string | undefined>(undefined)
  const decide = async (provider: string, status: 'approved' | 'suspended') => {
    setProblem(undefined)
    try {
      await sendTx({
        key: keyInfo,
        network: network.network,
        action: 'decideProviders',
        args: { fund: fund.id, providers: [provider], status },
      })
      changed()
    } catch (error) {
      setProblem(reasonOf(error))
    }
  }
  return (
    <Card title={vt('providers.title')}>
      {!providers.data && <Loading />}
      {providers.data?.length === 0 && <p class="tab-empty">{vt('providers.none')}</p>}
      {providers.data && providers.data.length > 0 && (
        <Table
          id="fund-providers"
          caption={vt('providers.title')}
          head={[vt('providers.name'), vt('providers.categories'), vt('providers.status'), vt('providers.action')]}
          rows={providers.data.map((p) => ({
            key: p.id,
            cells: [
              p.name,
              p.categories.join(', '),
              vt(`approval.${p.status ?? 'pending'}`),
              p.status === 'approved' ? (
                <Button appearance="secondary" onClick={() => decide(p.id, 'suspended')}>
                  {vt('providers.suspend', { name: p.name })}
                </Button>
              ) : (
                <Button onClick={() => decide(p.id, 'approved')}>{vt('providers.approve', { name: p.name })}</Button>
              ),
            ],
          }))}
        />
      )}
      <div aria-live="polite">{problem && <Alert type="error">{problem}</Alert>}</div>
    </Card>
  )
}
