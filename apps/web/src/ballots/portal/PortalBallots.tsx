import { useEffect, useState } from 'preact/hooks'
import { Alert, Button, Card, DataList, Loading, PageTitle } from '../../components/ui.js'
import { formatNumber, formatTime } from '../../i18n/index.js'
import { href } from '../../lib/router.js'
import { useAsync } from '../../lib/useAsync.js'
import {
  type BallotView,
  getBallot,
  getPetition,
  getResult,
  getTurnout,
  listBallots,
  listPetitions,
  type PetitionView,
  processKind,
} from '../api.js'
import { PetitionListCard, PhaseBadge, problemText, ResultTables, Schedule } from '../components.js'
import { tb } from '../i18n/tb.js'
import { type CheckReceiptOutcome, checkMyBallot } from '../receiptCheck.js'
import { getVote } from '../store.js'
import { RecountCard } from './RecountCard.js'

/** The portal's list of ballots and petitions. */
export function PortalBallots() {
  const data = useAsync(() => Promise.all([listBallots(), listPetitions()]), [])
  return (
    <div class="tab-stack">
      <PageTitle title={tb('portal.title')}>{tb('portal.title')}</PageTitle>
      <p class="utrecht-paragraph utrecht-paragraph--lead">{tb('portal.intro')}</p>
      {data.error ? <Alert type="error">{problemText(data.error)}</Alert> : null}
      {!data.data ? (
        <Loading />
      ) : (
        <div class="tab-grid tab-grid--wide">
          <Card title={tb('portal.ballots')}>
            {data.data[0].length === 0 ? (
              <p class="tab-empty">{tb('portal.noBallots')}</p>
            ) : (
              <ul class="tab-process-list">
                {data.data[0].map((b) => (
                  <li key={b.id}>
                    <a href={href(`/ballots/${encodeURIComponent(b.id)}`)}>{b.title}</a> <PhaseBadge phase={b.status} />
                    <br />
                    <span class="tab-muted">
                      <Schedule opens={b.opens} closes={b.closes} /> ·{' '}
                      {tb('turnout.countedShort', { count: b.counters.counted })}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <PetitionListCard petitions={data.data[1]} />
        </div>
      )}
    </div>
  )
}

/** One ballot or petition in the portal. */
export function PortalProcess({ id }: { id: string }) {
  const kind = useAsync(() => processKind(id), [id])
  if (kind.error) return <Alert type="error">{problemText(kind.error)}</Alert>
  if (kind.loading && kind.data === undefined) return <Loading />
  if (kind.data === 'petition') return <PortalPetition id={id} />
  if (kind.data === 'ballot') return <PortalBallot id={id} />
  return <PageTitle title={tb('notFound')}>{tb('notFound')}</PageTitle>
}

function useTicking(ms: number): number {
  const [tick, setTick] = useState(0)
  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), ms)
    return () => clearInterval(timer)
  }, [ms])
  return tick
}

function PortalBallot({ id }: { id: string }) {
  const tick = useTicking(5000)
  const ballot = useAsync(() => getBallot(id), [id, tick])
  const turnout = useAsync(() => getTurnout(id), [id, tick])
  const result = useAsync(() => getResult(id), [id, tick])
  const b = ballot.data
  if (ballot.error && !b) return <Alert type="error">{problemText(ballot.error)}</Alert>
  if (!b) return <Loading />
  const tr = turnout.data
  const r = result.data
  return (
    <div class="tab-stack">
      <PageTitle title={b.title}>{b.title}</PageTitle>
      {b.description && <p class="utrecht-paragraph">{b.description}</p>}
      <p>
        <PhaseBadge phase={b.status} /> <Schedule opens={b.opens} closes={b.closes} />
      </p>
      <div class="tab-grid tab-grid--wide">
        <Card title={tb('turnout.title')}>
          {tr ? (
            <DataList
              items={[
                [tb('turnout.issued'), formatNumber(tr.issued)],
                [tb('turnout.counted'), <span id="turnout-counted">{formatNumber(tr.counted)}</span>],
                [tb('turnout.replaced'), formatNumber(tr.replaced)],
                ...(tr.censusSize !== null
                  ? ([[tb('turnout.census'), formatNumber(tr.censusSize)]] as const)
                  : ([[tb('turnout.census'), tb('turnout.credentialCensus')]] as const)),
                ...(tr.turnout !== null
                  ? ([[tb('turnout.rate'), `${formatNumber(Math.round(tr.turnout * 1000) / 10)} %`]] as const)
                  : []),
              ]}
            />
          ) : (
            <Loading />
          )}
          <p class="tab-muted">{tb('turnout.live')}</p>
        </Card>
        <Card title={tb('how.title')}>
          <p>{tb('how.text')}</p>
          <DataList
            items={[
              [tb('how.trustees'), tb('how.threshold', { t: b.threshold, n: b.trustees.length })],
              [tb('how.voteAgain'), b.voteAgain ? tb('how.voteAgainOn') : tb('how.voteAgainOff')],
            ]}
          />
        </Card>
      </div>
      <section class="tab-card" aria-labelledby="result-title">
        <h2 class="utrecht-heading-2" id="result-title">
          {tb('result.title')}
        </h2>
        {!r ? (
          <Loading />
        ) : r.status === 'published' ? (
          <>
            <Alert type="ok">
              <span id="result-status">{tb('result.published', { ballots: r.ballots })}</span>
            </Alert>
            <ResultTables result={r} />
          </>
        ) : r.status === 'decrypting' ? (
          <Alert type="info">{tb('result.decrypting', { done: r.trusteesDecrypted.length, t: r.threshold })}</Alert>
        ) : (
          <Alert type="info">{tb('result.sealed', { closes: formatTime(b.closes) })}</Alert>
        )}
      </section>
      <div class="tab-grid tab-grid--wide">
        <RecountCard ballot={b} />
        <ReceiptCard ballot={b} />
      </div>
    </div>
  )
}

function ReceiptCard({ ballot }: { ballot: BallotView }) {
  const mine = useAsync(() => getVote(ballot.id).catch(() => undefined), [ballot.id])
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<CheckReceiptOutcome | undefined>(undefined)
  const check = async () => {
    if (!mine.data) return
    setBusy(true)
    try {
      setOutcome(await checkMyBallot(mine.data))
    } finally {
      setBusy(false)
    }
  }
  return (
    <Card title={tb('receipt.title')}>
      <p>{tb('receipt.text')}</p>
      {!mine.data ? (
        <p class="tab-muted">{tb('receipt.none')}</p>
      ) : (
        <>
          <p class="tab-muted">
            {tb('receipt.yours', { time: formatTime(mine.data.castAt), index: mine.data.receipt.index })}
          </p>
          <div class="tab-actions">
            <Button id="check-receipt" onClick={check} disabled={busy}>
              {busy ? tb('receipt.checking') : tb('receipt.check')}
            </Button>
          </div>
        </>
      )}
      <div aria-live="polite">
        {outcome && (
          <Alert type={outcome.status === 'counted' ? 'ok' : outcome.status === 'replaced' ? 'info' : 'error'}>
            <span id="receipt-outcome" data-status={outcome.status}>
              {outcome.status === 'counted'
                ? tb('receipt.counted')
                : outcome.status === 'replaced'
                  ? tb('receipt.replaced')
                  : outcome.status === 'invalid'
                    ? tb('receipt.invalid', { message: outcome.message })
                    : tb('receipt.notCounted')}
            </span>
          </Alert>
        )}
      </div>
    </Card>
  )
}

function PortalPetition({ id }: { id: string }) {
  const tick = useTicking(5000)
  const petition = useAsync(() => getPetition(id), [id, tick])
  const p: PetitionView | undefined = petition.data
  if (petition.error && !p) return <Alert type="error">{problemText(petition.error)}</Alert>
  if (!p) return <Loading />
  const percent = Math.min(100, Math.round((100 * p.signatures) / p.threshold))
  return (
    <div class="tab-stack">
      <PageTitle title={p.title}>{p.title}</PageTitle>
      <p>
        <PhaseBadge phase={p.status} /> <Schedule opens={p.opens} closes={p.closes} />
      </p>
      <Card title={tb('petition.text')}>
        <p class="utrecht-paragraph tab-prewrap">{p.text}</p>
      </Card>
      <Card title={tb('petition.signatures')}>
        <label for="petition-progress">
          {tb('petition.count', { signatures: p.signatures, threshold: p.threshold })}
        </label>
        <progress
          id="petition-progress"
          class="tab-progress"
          max={p.threshold}
          value={Math.min(p.signatures, p.threshold)}
        >
          {percent} %
        </progress>
        {p.reachedAt ? (
          <Alert type="ok">{tb('petition.reached', { time: formatTime(p.reachedAt) })}</Alert>
        ) : (
          <p>{tb('petition.toGo', { count: Math.max(0, p.threshold - p.signatures) })}</p>
        )}
        <p>
          <a href={href(`/wallet/ballots/${encodeURIComponent(p.id)}`)}>{tb('petition.signInWallet')}</a>
        </p>
      </Card>
    </div>
  )
}
