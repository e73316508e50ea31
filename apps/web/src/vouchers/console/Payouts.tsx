import { useState } from 'preact/hooks'
import { Alert, Button, Card, Loading } from '../../components/ui.js'
import { formatDate, formatTime } from '../../i18n/index.js'
import { useAsync } from '../../lib/useAsync.js'
import { getPayable, getProviders, getReimbursements, getSettlements } from '../api.js'
import { Table } from '../components.js'
import { vt } from '../i18n/vt.js'
import { formatMoney } from '../money.js'
import { reasonOf, sendTx } from '../submit.js'
import type { FundContext } from './FundPage.js'

const nextWorkingDay = () => {
  const d = new Date(Date.now() + 86_400_000)
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() + 1)
  return d.toISOString().slice(0, 10)
}

/** Payout batches: what is payable per provider, a new batch, and each batch's SEPA pain.001 and CSV. */
export function Settlements({ fund, keyInfo, network, changed, tick }: FundContext) {
  const data = useAsync(
    () => Promise.all([getPayable(fund.id), getSettlements(fund.id), getProviders({ fund: fund.id })]),
    [fund.id, tick],
  )
  const [problem, setProblem] = useState<string | undefined>(undefined)
  const [busy, setBusy] = useState(false)
  const run = async (action: string, args: Record<string, unknown>) => {
    setProblem(undefined)
    setBusy(true)
    try {
      await sendTx({ key: keyInfo, network: network.network, action, args })
      changed()
    } catch (error) {
      setProblem(reasonOf(error))
    } finally {
      setBusy(false)
    }
  }
  if (!data.data)
    return (
      <Card title={vt('settle.title')}>
        {data.error ? <Alert type="error">{reasonOf(data.error)}</Alert> : <Loading />}
      </Card>
    )
  const [payable, settlements, providers] = data.data
  const name = (id: string) => providers.find((p) => p.id === id)?.name ?? id
  const due = payable.items.filter((i) => i.amount > 0)
  return (
    <Card title={vt('settle.title')}>
      <p>{vt('settle.text')}</p>
      <h3 class="utrecht-heading-3">{vt('settle.payable')}</h3>
      {due.length === 0 ? (
        <p class="tab-empty">{vt('settle.nothing')}</p>
      ) : (
        <>
          <Table
            id="fund-payable"
            caption={vt('settle.payable')}
            head={[vt('providers.name'), vt('settle.amount'), vt('settle.count')]}
            rows={due.map((i) => ({
              key: i.provider,
              cells: [name(i.provider), formatMoney(i.amount), String(i.count)],
            }))}
          />
          <div class="tab-actions">
            <Button
              id="settle-create"
              disabled={busy}
              onClick={() =>
                run('createSettlement', {
                  fund: fund.id,
                  id: `s-${Date.now().toString(36)}`,
                  executionDate: nextWorkingDay(),
                })
              }
            >
              {vt('settle.create', { total: formatMoney(payable.total) })}
            </Button>
          </div>
        </>
      )}
      <h3 class="utrecht-heading-3">{vt('settle.batches')}</h3>
      {settlements.length === 0 ? (
        <p class="tab-empty">{vt('settle.noBatches')}</p>
      ) : (
        <Table
          id="fund-settlements"
          caption={vt('settle.batches')}
          head={[
            vt('settle.batch'),
            vt('settle.execution'),
            vt('settle.amount'),
            vt('settle.status'),
            vt('settle.files'),
          ]}
          rows={settlements.map((s) => ({
            key: s.id,
            cells: [
              s.id,
              formatDate(s.execution_date),
              formatMoney(s.total),
              s.status === 'paid' ? (
                vt('settle.paid')
              ) : (
                <Button
                  key="p"
                  appearance="subtle"
                  disabled={busy}
                  onClick={() => run('markSettlementPaid', { id: s.id })}
                >
                  {vt('settle.markPaid', { id: s.id })}
                </Button>
              ),
              <span key="f" class="tab-actions">
                <a
                  href={`/v1/vouchers/settlements/${s.id}/pain.001`}
                  download={`${s.id}.pain.001.xml`}
                  class="tab-download"
                >
                  {vt('settle.sepa')}
                </a>
                <a href={`/v1/vouchers/settlements/${s.id}/csv`} download={`${s.id}.csv`} class="tab-download">
                  {vt('settle.csv')}
                </a>
              </span>,
            ],
          }))}
        />
      )}
      <div aria-live="polite">{problem && <Alert type="error">{problem}</Alert>}</div>
    </Card>
  )
}

/** Reimbursement requests (the resident paid; the municipality refunds) with their approval step. */
export function Reimbursements({ fund, keyInfo, network, changed, tick }: FundContext) {
  const list = useAsync(() => getReimbursements(fund.id), [fund.id, tick])
  const [problem, setProblem] = useState<string | undefined>(undefined)
  const decide = async (id: string, approve: boolean) => {
    setProblem(undefined)
    try {
      await sendTx({ key: keyInfo, network: network.network, action: 'decideReimbursement', args: { id, approve } })
      changed()
    } catch (error) {
      setProblem(reasonOf(error))
    }
  }
  return (
    <Card title={vt('reimb.title')}>
      {!list.data && <Loading />}
      {list.data?.length === 0 && <p class="tab-empty">{vt('reimb.none')}</p>}
      {list.data && list.data.length > 0 && (
        <Table
          caption={vt('reimb.title')}
          head={[
            vt('reimb.requested'),
            vt('settle.amount'),
            vt('reimb.category'),
            vt('settle.status'),
            vt('providers.action'),
          ]}
          rows={list.data.map((r) => ({
            key: r.id,
            cells: [
              formatTime(r.time),
              formatMoney(r.amount),
              r.category,
              vt(`reimb.${r.status}`),
              r.status === 'pending' ? (
                <span key="a" class="tab-actions">
                  <Button onClick={() => decide(r.id, true)}>{vt('reimb.approve')}</Button>
                  <Button appearance="secondary" onClick={() => decide(r.id, false)}>
                    {vt('reimb.reject')}
                  </Button>
                </span>
              ) : (
                '—'
              ),
            ],
          }))}
        />
      )}
      <div aria-live="polite">{problem && <Alert type="error">{problem}</Alert>}</div>
    </Card>
  )
}
