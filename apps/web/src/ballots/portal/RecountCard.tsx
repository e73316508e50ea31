import { useState } from 'preact/hooks'
import { Alert, Button, Card, DataList } from '../../components/ui.js'
import { formatNumber } from '../../i18n/index.js'
import type { BallotView } from '../api.js'
import { problemText } from '../components.js'
import '../i18n/recountMessages.js'
import { tb } from '../i18n/tb.js'
import { RecountError, type RecountProgress, recountInBrowser, type VerifiedRecount } from '../recount.js'

/** The portal's "Recount in your browser": a verified, complete recount run in a Web Worker. */
export function RecountCard({ ballot }: { ballot: BallotView }) {
  const [progress, setProgress] = useState<RecountProgress | undefined>(undefined)
  const [outcome, setOutcome] = useState<VerifiedRecount | undefined>(undefined)
  const [failure, setFailure] = useState<unknown>(undefined)
  const run = async () => {
    setProgress({ stage: 'checkpoint' })
    setOutcome(undefined)
    setFailure(undefined)
    try {
      setOutcome(await recountInBrowser(ballot.id, { onProgress: setProgress }))
    } catch (error) {
      setFailure(error)
    } finally {
      setProgress(undefined)
    }
  }
  return (
    <Card title={tb('recount.title')}>
      <p>{tb('recount.text')}</p>
      <div class="tab-actions">
        <Button id="recount" onClick={run} disabled={progress !== undefined} aria-describedby="recount-status">
          {progress ? tb('recount.busy') : tb('recount.run')}
        </Button>
      </div>
      <div id="recount-status" aria-live="polite">
        {progress && <ProgressLine progress={progress} />}
        {failure !== undefined && <Failure error={failure} />}
        {outcome && <Outcome ballot={ballot} outcome={outcome} />}
      </div>
    </Card>
  )
}

function ProgressLine({ progress }: { progress: RecountProgress }) {
  if (progress.stage === 'checkpoint') return <p class="tab-muted">{tb('recount.stageCheckpoint')}</p>
  if (progress.stage === 'recount')
    return <p class="tab-muted">{tb('recount.stageCount', { entries: formatNumber(progress.entries) })}</p>
  const { read, total } = progress
  return (
    <p class="tab-muted">
      <label for="recount-progress">
        {tb('recount.stageEntries', { read: formatNumber(read), total: formatNumber(total) })}
      </label>{' '}
      <progress id="recount-progress" class="tab-progress" max={total} value={read} />
    </p>
  )
}

// A node whose checkpoint, tiles or entries do not verify is told apart from a plain failure.
function Failure({ error }: { error: unknown }) {
  if (error instanceof RecountError && error.verification)
    return (
      <Alert type="error">
        <span id="recount-unverified" class="tab-hashline" data-code={error.code}>
          {tb('recount.unverified', { message: error.message })}
        </span>
      </Alert>
    )
  return <Alert type="error">{problemText(error)}</Alert>
}

function Outcome({ ballot, outcome }: { ballot: BallotView; outcome: VerifiedRecount }) {
  const { checkpoint } = outcome
  const verified = {
    entries: formatNumber(outcome.entries),
    size: formatNumber(checkpoint.treeSize),
    root: checkpoint.rootHash,
  }
  return (
    <>
      <Alert type={outcome.complete ? 'ok' : 'error'}>
        <span
          id="recount-verified"
          class="tab-hashline"
          data-complete={String(outcome.complete)}
          data-tree-size={checkpoint.treeSize}
        >
          {outcome.complete ? tb('recount.verified', verified) : tb('recount.incomplete', verified)}
        </span>
        {!checkpoint.final && <> {tb('recount.notFinal')}</>}
      </Alert>
      <Alert type={outcome.problems.length > 0 ? 'error' : outcome.matches ? 'ok' : 'info'}>
        <span id="recount-outcome" data-matches={String(outcome.matches)}>
          {summary(outcome)}
        </span>
      </Alert>
      {outcome.problems.length > 0 && (
        <ul id="recount-problems">
          {outcome.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <DataList
        items={[
          [tb('recount.entries'), formatNumber(outcome.entries)],
          [tb('recount.range'), `${formatNumber(outcome.range.start)} – ${formatNumber(outcome.range.end - 1)}`],
          [tb('recount.tokens'), formatNumber(outcome.tokensIssued)],
          [tb('recount.time'), tb('recount.ms', { ms: outcome.ms })],
          ...(outcome.counts ?? []).map(
            (c, i) => [ballot.questions[i]?.title ?? String(i + 1), c.map((n) => formatNumber(n)).join(' · ')] as const,
          ),
        ]}
      />
    </>
  )
}

function summary(outcome: VerifiedRecount): string {
  if (outcome.problems.length > 0) return tb('recount.problems')
  if (outcome.matches) return tb('recount.matches', { ballots: outcome.ballots })
  if (outcome.counts === null) return tb('recount.notYet', { ballots: outcome.ballots })
  return tb('recount.unpublished', { ballots: outcome.ballots })
}
