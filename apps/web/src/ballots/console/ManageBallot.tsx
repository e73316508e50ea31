import { useState } from 'preact/hooks'
import type { NetworkInfo } from '../../api/types.js'
import { Alert, Button, Card, DataList, Field, Loading, PageTitle } from '../../components/ui.js'
import { formatNumber } from '../../i18n/index.js'
import type { StoredKey } from '../../lib/keys.js'
import { href } from '../../lib/router.js'
import { useAsync } from '../../lib/useAsync.js'
import { type BallotView, getBallot, getResult } from '../api.js'
import { PhaseBadge, problemText, Schedule } from '../components.js'
import { tb } from '../i18n/tb.js'
import { getTrustee } from '../store.js'
import { type Act, CeremonyCard } from './CeremonyCard.js'
import { codeHash, codesCsv, generateCodes } from './censusCodes.js'
import { publishResult, reveal, submitBallots } from './ceremony.js'
import { memberIdOf } from './useConsole.js'

/** The console's page of one ballot: census codes, the key ceremony, the reveal and the result. */
export function ManageBallot({ id, keyInfo, network }: { id: string; keyInfo: StoredKey; network: NetworkInfo }) {
  const [tick, setTick] = useState(0)
  const data = useAsync(
    () => Promise.all([getBallot(id), getResult(id), getTrustee(id).catch(() => undefined)]),
    [id, tick],
  )
  const [busy, setBusy] = useState<string | undefined>(undefined)
  const [message, setMessage] = useState<{ type: 'ok' | 'error'; text: string } | undefined>(undefined)
  if (data.error) return <Alert type="error">{problemText(data.error)}</Alert>
  if (!data.data) return <Loading />
  const [ballot, result, trustee] = data.data
  const self = memberIdOf(keyInfo, network)
  const isTrustee = self !== undefined && ballot.trustees.includes(self)
  const act: Act = (name, run, done) => async () => {
    setBusy(name)
    setMessage(undefined)
    try {
      const outcome = await run()
      setMessage({ type: 'ok', text: typeof done === 'string' ? done : done(outcome) })
      setTick((n) => n + 1)
    } catch (error) {
      setMessage({ type: 'error', text: problemText(error) })
    } finally {
      setBusy(undefined)
    }
  }
  const p = { key: keyInfo, network, ballot, self: self as string }
  const revealed = result.status !== 'published' && self !== undefined && result.trusteesDecrypted.includes(self)
  return (
    <div class="tab-stack">
      <PageTitle title={ballot.title}>{ballot.title}</PageTitle>
      <p>
        <a href={href('/console/ballots')}>{tb('console.back')}</a> ·{' '}
        <a href={href(`/ballots/${encodeURIComponent(ballot.id)}`)}>{tb('console.inPortal')}</a>
      </p>
      <p>
        <PhaseBadge phase={ballot.status} /> <Schedule opens={ballot.opens} closes={ballot.closes} />
      </p>
      <div aria-live="polite">{message && <Alert type={message.type}>{message.text}</Alert>}</div>
      <div class="tab-grid tab-grid--wide">
        <Card title={tb('manage.census')}>
          {ballot.census.kind === 'credential' ? (
            <p>
              {tb('manage.censusCredential', {
                claims: Object.entries(ballot.census.claims)
                  .map(([k, v]) => `${k} = ${String(v)}`)
                  .join(', '),
              })}
            </p>
          ) : (
            <CodesCensus ballot={ballot} keyInfo={keyInfo} network={network} onAdded={() => setTick((n) => n + 1)} />
          )}
        </Card>
        <Card title={tb('manage.counters')}>
          <DataList
            items={[
              [tb('turnout.issued'), formatNumber(ballot.counters.issued)],
              [tb('turnout.counted'), formatNumber(ballot.counters.counted)],
              [tb('turnout.replaced'), formatNumber(ballot.counters.replaced)],
            ]}
          />
        </Card>
      </div>
      <CeremonyCard
        ballot={ballot}
        self={self}
        trustee={trustee}
        keyInfo={keyInfo}
        network={network}
        busy={busy !== undefined}
        act={act}
      />
      <Card title={tb('manage.reveal')}>
        {ballot.status !== 'closed' ? (
          <p>{tb('manage.revealAfterClose')}</p>
        ) : result.status === 'published' ? (
          <Alert type="ok">{tb('manage.published')}</Alert>
        ) : (
          <div class="tab-stack">
            <p>{tb('result.decrypting', { done: result.trusteesDecrypted.length, t: result.threshold })}</p>
            <div class="tab-actions">
              {isTrustee && (
                <Button
                  id="ceremony-reveal"
                  disabled={revealed || !trustee?.ceremonyKey || busy !== undefined}
                  onClick={act('reveal', () => reveal(p), tb('manage.revealed'))}
                >
                  {revealed ? tb('manage.revealed') : tb('manage.revealButton')}
                </Button>
              )}
              <Button
                id="publish-result"
                appearance="secondary"
                disabled={result.trusteesDecrypted.length < result.threshold || busy !== undefined}
                onClick={act('publish', () => publishResult(p), tb('manage.published'))}
              >
                {busy === 'publish' ? tb('recount.busy') : tb('manage.publish')}
              </Button>
            </div>
          </div>
        )}
      </Card>
    </div>
  )
}

function CodesCensus({
  ballot,
  keyInfo,
  network,
  onAdded,
}: {
  ballot: BallotView
  keyInfo: StoredKey
  network: NetworkInfo
  onAdded: () => void
}) {
  const [count, setCount] = useState('100')
  const [codes, setCodes] = useState<string[] | undefined>(undefined)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | undefined>(undefined)
  const size = ballot.census.kind === 'list' ? ballot.census.size : 0
  const generate = async () => {
    setBusy(true)
    setProblem(undefined)
    try {
      const fresh = generateCodes(Math.max(1, Math.min(100_000, Number(count) || 0)))
      for (let i = 0; i < fresh.length; i += 500) {
        const codeHashes = fresh.slice(i, i + 500).map(codeHash)
        await submitBallots(keyInfo, network, 'addCensusCodes', { process: ballot.id, codeHashes })
      }
      setCodes(fresh)
      onAdded()
    } catch (error) {
      setProblem(problemText(error))
    } finally {
      setBusy(false)
    }
  }
  return (
    <div class="tab-stack">
      <p>{tb('manage.codesSize', { size })}</p>
      {ballot.status === 'scheduled' ? (
        <>
          <p class="tab-muted">{tb('manage.codesHint')}</p>
          <Field id="codes-count" label={tb('manage.codesCount')}>
            <input
              id="codes-count"
              class="utrecht-textbox utrecht-textbox--html-input"
              type="number"
              min="1"
              max="100000"
              value={count}
              onInput={(e) => setCount((e.target as HTMLInputElement).value)}
            />
          </Field>
          <div class="tab-actions">
            <Button id="codes-generate" onClick={generate} disabled={busy}>
              {busy ? tb('create.busy') : tb('manage.codesGenerate')}
            </Button>
          </div>
        </>
      ) : (
        <p class="tab-muted">{tb('manage.codesFrozen')}</p>
      )}
      {problem && <Alert type="error">{problem}</Alert>}
      {codes && (
        <div class="tab-stack tab-codes">
          <Alert type="warning">{tb('manage.codesOnce')}</Alert>
          <div class="tab-actions tab-no-print">
            <Button appearance="secondary" onClick={() => print()}>
              {tb('manage.codesPrint')}
            </Button>
            <a
              download={`census-codes-${ballot.id}.csv`}
              href={`data:text/csv;charset=utf-8,${encodeURIComponent(codesCsv(codes))}`}
            >
              {tb('manage.codesCsv')}
            </a>
          </div>
          <ol class="tab-code-list" aria-label={tb('manage.codesList')}>
            {codes.map((c) => (
              <li key={c} class="tab-code-letter">
                <span class="tab-muted">{ballot.title}</span>
                <br />
                <code>{c}</code>
              </li>
            ))}
          </ol>
        </div>
      )}
    </div>
  )
}
