import type { ComponentChildren } from 'preact'
import { ApiError } from '../api/client.js'
import { BarChart } from '../components/BarChart.js'
import { Card } from '../components/ui.js'
import { formatNumber, formatTime } from '../i18n/index.js'
import { href } from '../lib/router.js'
import type { PetitionSummary, Phase, ResultView } from './api.js'
import { type BallotsKey, tb } from './i18n/tb.js'

const PHASE_KEYS: Record<Phase, BallotsKey> = {
  scheduled: 'phase.scheduled',
  open: 'phase.open',
  closed: 'phase.closed',
}

/** A process's phase as a badge. */
export function PhaseBadge({ phase }: { phase: Phase }) {
  const tone = phase === 'open' ? 'ok' : phase === 'closed' ? 'error' : 'info'
  return <span class={`utrecht-status-badge tab-badge tab-badge--${tone}`}>{tb(PHASE_KEYS[phase])}</span>
}

/** "Opens … · closes …". */
export function Schedule({ opens, closes }: { opens: string; closes: string }) {
  return <span>{tb('schedule', { opens: formatTime(opens), closes: formatTime(closes) })}</span>
}

const ERROR_KEYS: Record<string, BallotsKey> = {
  NOT_IN_CENSUS: 'error.NOT_IN_CENSUS',
  TOKEN_ALREADY_ISSUED: 'error.TOKEN_ALREADY_ISSUED',
  PRESENTATION_REJECTED: 'error.PRESENTATION_REJECTED',
  BALLOT_NOT_OPEN: 'error.BALLOT_NOT_OPEN',
  BALLOT_NOT_CLOSED: 'error.BALLOT_NOT_CLOSED',
  NULLIFIER_USED: 'error.NULLIFIER_USED',
  BALLOT_RULES_BROKEN: 'error.BALLOT_RULES_BROKEN',
  INVALID_TOKEN: 'error.INVALID_TOKEN',
  UNAUTHORISED: 'error.UNAUTHORISED',
  ISSUER_NOT_CONFIGURED: 'error.ISSUER_NOT_CONFIGURED',
  NETWORK: 'error.NETWORK',
}

/** One sentence for an error of the node or of the crypto, with the technical message after it. */
export function problemText(error: unknown): string {
  const code = (error as { code?: unknown })?.code
  const message = error instanceof Error ? error.message : String(error)
  const key = typeof code === 'string' ? ERROR_KEYS[code] : undefined
  if (key) return `${tb(key)} (${message})`
  return error instanceof ApiError ? tb('error.other', { code: error.code, message }) : message
}

/** The published result of each question: a chart and a visible table with votes and shares. */
export function ResultTables({ result }: { result: Extract<ResultView, { status: 'published' }> }) {
  return (
    <>
      {result.questions.map((q) => {
        const total = q.options.reduce((s, o) => s + o.votes, 0)
        return (
          <div class="tab-stack tab-result" key={q.id}>
            <BarChart
              id={`result-${q.id}`}
              title={q.title}
              bars={q.options.map((o) => ({ label: o.title, value: o.votes }))}
              valueLabel={tb('result.votes')}
            />
            <div class="tab-table-wrap">
              <table class="utrecht-table utrecht-table--html-table tab-responsive" data-question={q.id}>
                <caption class="utrecht-table__caption">{tb('result.tableCaption', { title: q.title })}</caption>
                <thead class="utrecht-table__header">
                  <tr class="utrecht-table__row">
                    <th class="utrecht-table__header-cell" scope="col">
                      {tb('result.option')}
                    </th>
                    <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric-column" scope="col">
                      {tb('result.votes')}
                    </th>
                    <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric-column" scope="col">
                      {tb('result.share')}
                    </th>
                  </tr>
                </thead>
                <tbody class="utrecht-table__body">
                  {q.options.map((o) => (
                    <tr class="utrecht-table__row" key={o.id}>
                      <th class="utrecht-table__header-cell" scope="row">
                        {o.title}
                      </th>
                      <td
                        class="utrecht-table__cell utrecht-table__cell--numeric-column"
                        data-label={tb('result.votes')}
                      >
                        <div class="tab-cell">{formatNumber(o.votes)}</div>
                      </td>
                      <td
                        class="utrecht-table__cell utrecht-table__cell--numeric-column"
                        data-label={tb('result.share')}
                      >
                        <div class="tab-cell">
                          {total === 0 ? '—' : `${formatNumber(Math.round((1000 * o.votes) / total) / 10)} %`}
                        </div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        )
      })}
    </>
  )
}

/** A numbered step of a flow, with its state. */
export function Step({
  n,
  title,
  done,
  children,
}: {
  n: number
  title: string
  done?: boolean
  children: ComponentChildren
}) {
  return (
    <section class="tab-card tab-step" aria-labelledby={`step-${n}`}>
      <h2 class="utrecht-heading-2" id={`step-${n}`}>
        <span class="tab-step__n" aria-hidden="true">
          {done ? '✓' : n}
        </span>{' '}
        {title}
        {done && <span class="tab-visually-hidden"> — {tb('step.done')}</span>}
      </h2>
      {children}
    </section>
  )
}

/** The petitions card of the portal and the console: each petition, its signatures and threshold. */
export function PetitionListCard({ petitions }: { petitions: readonly PetitionSummary[] }) {
  return (
    <Card title={tb('portal.petitions')}>
      {petitions.length === 0 ? (
        <p class="tab-empty">{tb('portal.noPetitions')}</p>
      ) : (
        <ul class="tab-process-list">
          {petitions.map((p) => (
            <li key={p.id}>
              <a href={href(`/ballots/${encodeURIComponent(p.id)}`)}>{p.title}</a>
              <br />
              <span class="tab-muted">
                {tb('petition.count', { signatures: p.signatures, threshold: p.threshold })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  )
}
