import { useState } from 'preact/hooks'
import { query } from '../api/client.js'
import type { NetworkInfo } from '../api/types.js'
import { Alert, Button, Card, Field, Hash, Loading, PageTitle } from '../components/ui.js'
import { formatTime, type MessageKey, t } from '../i18n/index.js'
import type { StoredKey } from '../lib/keys.js'
import { useAsync } from '../lib/useAsync.js'
import { memberName } from '../portal/members.js'
import { reasonForCode } from './errors.js'
import { signAndSubmit } from './submit.js'

/** A proposal as the governance `proposals` query lists it. */
interface ProposalItem {
  id: string
  txid: string
  index: number
  kind: string
  change: Record<string, unknown>
  proposer: string
  proposerDid: string
  reason: string | null
  status: string
  approvals: number
  threshold: number | null
  createdAt: string
}

const KINDS = ['grantRole', 'revokeRole', 'addMember', 'removeMember', 'setThreshold'] as const
type Kind = (typeof KINDS)[number]

/** Governance: proposals (open and closed), approve, and propose a change. */
export function GovernancePage({ keyInfo, network }: { keyInfo: StoredKey; network: NetworkInfo }) {
  const [message, setMessage] = useState<{ type: 'ok' | 'error'; text: string } | undefined>(undefined)
  const list = useAsync(
    () => query<{ items: ProposalItem[] }>('governance', 'proposals', { status: 'all', limit: 50 }),
    [],
  )
  const send = async (action: 'approve' | 'propose', args: Record<string, unknown>, done: string) => {
    setMessage(undefined)
    try {
      const r = await signAndSubmit({ key: keyInfo, network: network.network, module: 'governance', action, args })
      if (!r.ok) setMessage({ type: 'error', text: reasonForCode(r.error.code, r.error.message) })
      else if (r.outcome.status === 'rejected')
        setMessage({ type: 'error', text: reasonForCode(r.outcome.code, r.outcome.message) })
      else setMessage({ type: 'ok', text: done })
    } catch (error) {
      const e = error as { code?: string; message?: string }
      setMessage({ type: 'error', text: reasonForCode(e.code ?? 'NETWORK', e.message ?? '') })
    }
    list.reload()
  }
  return (
    <div class="tab-stack">
      <PageTitle title={t('gov.title')}>{t('gov.title')}</PageTitle>
      <p class="utrecht-paragraph utrecht-paragraph--lead">
        {t('gov.intro', { m: network.governanceThreshold, n: network.members.length })}
      </p>
      <div aria-live="polite">{message && <Alert type={message.type}>{message.text}</Alert>}</div>
      <Card title={t('gov.proposals')}>
        {list.error ? <Alert type="error">{t('common.nodeUnreachable')}</Alert> : null}
        {!list.data && !list.error && <Loading />}
        {list.data && list.data.items.length === 0 && <p>{t('gov.none')}</p>}
        {list.data && list.data.items.length > 0 && (
          <ProposalTable
            items={list.data.items}
            network={network}
            onApprove={(id) => send('approve', { id }, t('gov.approved'))}
          />
        )}
      </Card>
      <Card title={t('gov.propose')}>
        <ProposeForm network={network} onPropose={(args) => send('propose', args, t('gov.proposed'))} />
      </Card>
    </div>
  )
}

/** `did:key:z6Mkha…2doK`: enough to recognise, short enough to read. */
function shortDid(did: string): string {
  return did.length > 32 ? `${did.slice(0, 18)}…${did.slice(-6)}` : did
}

function describeChange(p: ProposalItem, network: NetworkInfo): string {
  const c = p.change
  const who = (did: unknown) => memberName(String(did), network) ?? shortDid(String(did))
  switch (p.kind) {
    case 'grantRole':
      return t('gov.change.grantRole', { role: String(c.role), who: who(c.did) })
    case 'revokeRole':
      return t('gov.change.revokeRole', { role: String(c.role), who: who(c.did) })
    case 'addMember':
      return t('gov.change.addMember', { name: String((c.member as { name?: string } | undefined)?.name ?? '?') })
    case 'removeMember':
      return t('gov.change.removeMember', { id: String(c.id) })
    case 'setThreshold':
      return t('gov.change.setThreshold', { m: Number(c.threshold) })
    default:
      return p.kind
  }
}

function ProposalTable({
  items,
  network,
  onApprove,
}: {
  items: ProposalItem[]
  network: NetworkInfo
  onApprove: (id: string) => void
}) {
  return (
    <div class="tab-table-wrap">
      <table class="utrecht-table utrecht-table--html-table tab-responsive">
        <caption class="tab-visually-hidden">{t('gov.proposals')}</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="col">
              {t('gov.change')}
            </th>
            <th class="utrecht-table__header-cell" scope="col">
              {t('gov.proposer')}
            </th>
            <th class="utrecht-table__header-cell" scope="col">
              {t('gov.status')}
            </th>
            <th class="utrecht-table__header-cell" scope="col">
              {t('gov.approvals')}
            </th>
            <th class="utrecht-table__header-cell" scope="col">
              <span class="tab-visually-hidden">{t('gov.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {items.map((p) => (
            <tr class="utrecht-table__row" key={p.id}>
              <td class="utrecht-table__cell" data-label={t('gov.change')}>
                <div class="tab-cell">
                  {describeChange(p, network)}
                  {p.reason && <span class="tab-muted"> — {p.reason}</span>}
                  <br />
                  <small class="tab-muted">
                    {formatTime(p.createdAt)} · <Hash value={p.id} />
                  </small>
                </div>
              </td>
              <td class="utrecht-table__cell" data-label={t('gov.proposer')}>
                <div class="tab-cell">{memberName(p.proposerDid, network) ?? p.proposer}</div>
              </td>
              <td class="utrecht-table__cell" data-label={t('gov.status')}>
                <div class="tab-cell">
                  <span
                    class={`utrecht-status-badge tab-badge tab-badge--${p.status === 'executed' ? 'ok' : p.status === 'open' ? 'info' : 'error'}`}
                  >
                    {t(`gov.status.${p.status}` as MessageKey)}
                  </span>
                </div>
              </td>
              <td class="utrecht-table__cell" data-label={t('gov.approvals')}>
                <div class="tab-cell">
                  {p.threshold ? t('gov.approvalsOf', { a: p.approvals, m: p.threshold }) : p.approvals}
                </div>
              </td>
              <td class="utrecht-table__cell" data-label={t('gov.actions')}>
                <div class="tab-cell">
                  {p.status === 'open' && (
                    <Button appearance="secondary" onClick={() => onApprove(p.id)}>
                      {t('gov.approve')}
                    </Button>
                  )}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function ProposeForm({
  network,
  onPropose,
}: {
  network: NetworkInfo
  onPropose: (args: Record<string, unknown>) => Promise<void>
}) {
  const [kind, setKind] = useState<Kind>('grantRole')
  const [fields, setFields] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const set = (name: string) => (e: Event) => setFields({ ...fields, [name]: (e.target as HTMLInputElement).value })
  const input = (name: string, label: string, help?: string) => (
    <Field id={`gov-${name}`} label={label} {...(help ? { description: help } : {})}>
      <input
        id={`gov-${name}`}
        class="utrecht-textbox utrecht-textbox--html-input"
        value={fields[name] ?? ''}
        required={name !== 'url'}
        {...(help ? { 'aria-describedby': `gov-${name}-description` } : {})}
        onInput={set(name)}
      />
    </Field>
  )
  const submit = async (e: Event) => {
    e.preventDefault()
    const f = (k: string) => (fields[k] ?? '').trim()
    const args: Record<string, unknown> =
      kind === 'grantRole' || kind === 'revokeRole'
        ? { kind, role: f('role'), did: f('did') }
        : kind === 'addMember'
          ? {
              kind,
              member: {
                id: f('id'),
                name: f('name'),
                did: f('did'),
                logKey: f('logKey'),
                witnessKey: f('witnessKey'),
                ...(f('url') ? { url: f('url') } : {}),
              },
            }
          : kind === 'removeMember'
            ? { kind, id: f('memberId') || network.members[0]?.id }
            : { kind, threshold: Number(f('threshold') || 1) }
    if (f('reason')) args.reason = f('reason')
    setBusy(true)
    await onPropose(args)
    setBusy(false)
  }
  return (
    <form class="tab-stack" onSubmit={submit}>
      <Field id="gov-kind" label={t('gov.kind')}>
        <select
          id="gov-kind"
          class="utrecht-select utrecht-select--html-select"
          value={kind}
          onChange={(e) => setKind((e.target as HTMLSelectElement).value as Kind)}
        >
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`gov.kind.${k}` as MessageKey)}
            </option>
          ))}
        </select>
      </Field>
      {(kind === 'grantRole' || kind === 'revokeRole') && (
        <>
          {input('role', t('gov.role'), t('gov.roleHelp'))}
          {input('did', t('gov.did'))}
        </>
      )}
      {kind === 'addMember' && (
        <>
          {input('id', t('gov.memberId'))}
          {input('name', t('gov.memberName'))}
          {input('did', t('gov.did'))}
          {input('logKey', t('gov.logKey'))}
          {input('witnessKey', t('gov.witnessKey'))}
          {input('url', t('gov.url'))}
        </>
      )}
      {kind === 'removeMember' && (
        <Field id="gov-memberId" label={t('gov.member')}>
          <select
            id="gov-memberId"
            class="utrecht-select utrecht-select--html-select"
            value={fields.memberId ?? network.members[0]?.id}
            onChange={set('memberId')}
          >
            {network.members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </Field>
      )}
      {kind === 'setThreshold' && (
        <Field id="gov-threshold" label={t('gov.threshold')}>
          <input
            id="gov-threshold"
            type="number"
            min={1}
            max={network.members.length}
            class="utrecht-textbox utrecht-textbox--html-input"
            value={fields.threshold ?? String(network.governanceThreshold)}
            onInput={set('threshold')}
          />
        </Field>
      )}
      <Field id="gov-reason" label={t('gov.reason')}>
        <textarea
          id="gov-reason"
          class="utrecht-textarea utrecht-textarea--html-textarea"
          rows={2}
          value={fields.reason ?? ''}
          onInput={set('reason')}
        />
      </Field>
      <div class="tab-actions">
        <Button type="submit" disabled={busy}>
          {t('gov.submit')}
        </Button>
      </div>
    </form>
  )
}
