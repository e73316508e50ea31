import { useEffect, useState } from 'preact/hooks'
import type { NetworkInfo } from '../../api/types.js'
import { Alert, Button, Field, Loading, PageTitle } from '../../components/ui.js'
import { formatTime } from '../../i18n/index.js'
import type { StoredKey } from '../../lib/keys.js'
import { memberName } from '../../portal/members.js'
import { type Approval, approveRequest, codeOf, listPending, type PendingRequest } from '../api.js'
import { ClaimList } from '../components.js'
import { reasonOf } from '../errors.js'
import { ti } from '../i18n/ti.js'
import { referenceOf } from '../reference.js'

const REFRESH_MS = 4000

/**
 * The clerk's queue of residency requests: the clerk finds the person in
 * front of them by the reference on their phone, checks their identity
 * document, and approves; the page then shows the transaction code to hand
 * over (never sent to the citizen's device by the node).
 */
export function ClerkQueuePage({ keyInfo, network }: { keyInfo: StoredKey; network: NetworkInfo }) {
  const [items, setItems] = useState<(PendingRequest & { reference: string })[] | undefined>(undefined)
  const [problem, setProblem] = useState<string | undefined>(undefined)
  const [approved, setApproved] = useState<{ reference: string; approval: Approval } | undefined>(undefined)
  const [tick, setTick] = useState(0)
  useEffect(() => {
    let live = true
    listPending(keyInfo, network.network)
      .then((pending) => Promise.all(pending.map(async (p) => ({ ...p, reference: await referenceOf(p.id) }))))
      .then(
        (list) => {
          if (!live) return
          setItems(list.sort((a, b) => a.created.localeCompare(b.created)))
          setProblem(undefined)
        },
        (error) => live && setProblem(reasonOf(codeOf(error), (error as Error).message)),
      )
    const timer = setTimeout(() => setTick((n) => n + 1), REFRESH_MS)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [tick])
  return (
    <div class="tab-stack">
      <PageTitle title={ti('clerk.title')}>{ti('clerk.title')}</PageTitle>
      <p class="utrecht-paragraph utrecht-paragraph--lead">{ti('clerk.intro')}</p>
      {approved && (
        <Alert type="ok">
          <p>{ti('clerk.approved', { reference: approved.reference })}</p>
          <p class="tab-reference__code">
            <span class="tab-visually-hidden">{ti('clerk.codeLabel')} </span>
            <span id="clerk-tx-code">{formatCode(approved.approval.txCode ?? '')}</span>
          </p>
          <p>{ti('clerk.handOver')}</p>
          <Button appearance="secondary" onClick={() => setApproved(undefined)}>
            {ti('clerk.done')}
          </Button>
        </Alert>
      )}
      <div aria-live="polite">{problem && <Alert type="error">{problem}</Alert>}</div>
      {!items && !problem && <Loading />}
      {items && items.length === 0 && <p class="tab-empty">{ti('clerk.empty')}</p>}
      {items && items.length > 0 && (
        <ul class="tab-credentials" aria-label={ti('clerk.listLabel')}>
          {items.map((item) => (
            <li key={item.id}>
              <RequestCard
                item={item}
                defaultResidence={memberName(keyInfo.did, network) ?? ''}
                onApprove={async (claims) => {
                  const approval = await approveRequest({ key: keyInfo, network: network.network, id: item.id, claims })
                  setApproved({ reference: item.reference, approval })
                  setTick((n) => n + 1)
                }}
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

function formatCode(code: string): string {
  return code.length === 6 ? `${code.slice(0, 3)} ${code.slice(3)}` : code
}

/** Whole years between a `YYYY-MM-DD` birth date and today. */
export function ageOn(birthdate: string, today = new Date()): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthdate)
  if (!match) return undefined
  const [, y, m, d] = match.map(Number) as [number, number, number, number]
  const before = today.getUTCMonth() + 1 < m || (today.getUTCMonth() + 1 === m && today.getUTCDate() < d)
  return today.getUTCFullYear() - y - (before ? 1 : 0)
}

function RequestCard(p: {
  item: PendingRequest & { reference: string }
  defaultResidence: string
  onApprove: (claims: Record<string, unknown>) => Promise<void>
}) {
  const { item } = p
  const [residence, setResidence] = useState(p.defaultResidence)
  const [checked, setChecked] = useState(false)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | undefined>(undefined)
  const birthdate = typeof item.claims.birthdate === 'string' ? item.claims.birthdate : ''
  const age = ageOn(birthdate)
  const claims: Record<string, unknown> = {
    ...item.claims,
    resident_of: residence.trim(),
    ...(age === undefined ? {} : { age_over_16: age >= 16, age_over_18: age >= 18 }),
  }
  const headingId = `request-${item.id}`
  const approve = async (e: Event) => {
    e.preventDefault()
    if (!checked || !residence.trim()) return setProblem(ti('clerk.checkFirst'))
    setBusy(true)
    setProblem(undefined)
    try {
      await p.onApprove(claims)
    } catch (error) {
      setProblem(reasonOf(codeOf(error), (error as Error).message))
      setBusy(false)
    }
  }
  return (
    <article class="tab-credential" aria-labelledby={headingId}>
      <header class="tab-credential__head">
        <h2 class="utrecht-heading-3" id={headingId}>
          {ti('clerk.reference', { reference: item.reference })}
        </h2>
        <span class="tab-muted">{ti('clerk.asked', { time: formatTime(item.created) })}</span>
      </header>
      <ClaimList claims={Object.entries(claims).filter(([name]) => name !== 'resident_of')} />
      <form class="tab-stack" onSubmit={approve}>
        <Field id={`${headingId}-residence`} label={ti('clerk.residentOf')}>
          <input
            id={`${headingId}-residence`}
            class="utrecht-textbox utrecht-textbox--html-input"
            value={residence}
            maxLength={100}
            onInput={(e) => setResidence((e.target as HTMLInputElement).value)}
          />
        </Field>
        <label class="tab-check">
          <input
            type="checkbox"
            checked={checked}
            onChange={(e) => setChecked((e.target as HTMLInputElement).checked)}
          />{' '}
          {ti('clerk.checked')}
        </label>
        <div class="tab-actions">
          <Button type="submit" disabled={busy}>
            {busy ? ti('common.working') : ti('clerk.approve')}
          </Button>
        </div>
        <div aria-live="polite">{problem && <Alert type="error">{problem}</Alert>}</div>
      </form>
    </article>
  )
}
