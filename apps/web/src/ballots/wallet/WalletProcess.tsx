import { useEffect, useState } from 'preact/hooks'
import { Alert, Button, Field, Loading, PageTitle } from '../../components/ui.js'
import { formatTime } from '../../i18n/index.js'
import { viewCredential } from '../../identity/credentialView.js'
import type { StoredCredential } from '../../identity/wallet/credentialStore.js'
import { loadKey, type StoredKey } from '../../lib/keys.js'
import { href } from '../../lib/router.js'
import { useAsync } from '../../lib/useAsync.js'
import { type BallotView, getBallot, getPetition, type PetitionView, processKind } from '../api.js'
import { PhaseBadge, problemText, Schedule, Step } from '../components.js'
import { tb } from '../i18n/tb.js'
import { getToken, getVote } from '../store.js'
import { matchingCredentials, obtainToken } from '../token.js'
import { SignForm } from './SignForm.js'
import { VoteForm } from './VoteForm.js'

type Process = { kind: 'ballot'; record: BallotView } | { kind: 'petition'; record: PetitionView }

/** The wallet's page of one ballot or petition: get a token, then vote or sign. */
export function WalletProcess({ id }: { id: string }) {
  const [tick, setTick] = useState(0)
  const data = useAsync(async () => {
    const kind = await processKind(id)
    if (kind === undefined) return undefined
    const process: Process =
      kind === 'ballot' ? { kind, record: await getBallot(id) } : { kind, record: await getPetition(id) }
    const [token, vote, walletKey] = await Promise.all([
      getToken(id).catch(() => undefined),
      getVote(id).catch(() => undefined),
      loadKey('wallet').catch(() => undefined),
    ])
    return { process, token: token?.token, vote, walletKey }
  }, [id, tick])
  // A scheduled ballot opens by itself: look again when it does.
  useEffect(() => {
    const record = data.data?.process.record
    if (record?.status !== 'scheduled') return
    const wait = Math.max(500, Date.parse(record.opens) - Date.now() + 300)
    const timer = setTimeout(() => setTick((n) => n + 1), Math.min(wait, 60_000))
    return () => clearTimeout(timer)
  }, [data.data])
  if (data.error) return <Alert type="error">{problemText(data.error)}</Alert>
  if (data.data === undefined && data.loading) return <Loading />
  if (data.data === undefined) return <PageTitle title={tb('notFound')}>{tb('notFound')}</PageTitle>
  const { process, token, vote, walletKey } = data.data
  const r = process.record
  const reload = () => setTick((n) => n + 1)
  return (
    <div class="tab-stack">
      <PageTitle title={r.title}>{r.title}</PageTitle>
      <p>
        <PhaseBadge phase={r.status} /> <Schedule opens={r.opens} closes={r.closes} />
      </p>
      <p>
        <a href={href('/wallet/ballots')}>{tb('wallet.allBallots')}</a>
      </p>
      <Step n={1} title={tb('token.title')} done={token !== undefined}>
        {token ? (
          <p id="token-held">{tb('token.held')}</p>
        ) : r.status === 'closed' ? (
          <p>{tb('token.closed')}</p>
        ) : (
          <TokenForm process={process} walletKey={walletKey ?? undefined} onToken={reload} />
        )}
      </Step>
      <Step n={2} title={process.kind === 'ballot' ? tb('vote.title') : tb('sign.title')} done={vote !== undefined}>
        {r.status === 'scheduled' ? (
          <p>{tb('vote.opensAt', { time: formatTime(r.opens) })}</p>
        ) : r.status === 'closed' ? (
          <p>
            {tb('vote.closed')} <a href={href(`/ballots/${encodeURIComponent(r.id)}`)}>{tb('vote.seeResults')}</a>
          </p>
        ) : !token ? (
          <p>{tb('vote.needToken')}</p>
        ) : process.kind === 'ballot' ? (
          <VoteForm ballot={process.record} token={token} previous={vote} onCast={reload} />
        ) : vote ? null : (
          <SignForm petition={process.record} token={token} onSigned={reload} />
        )}
        {vote && (
          <Alert type="ok">
            <span id="vote-done">
              {process.kind === 'ballot'
                ? tb('vote.done', { time: formatTime(vote.castAt), index: vote.receipt.index })
                : tb('sign.done', { time: formatTime(vote.castAt) })}
            </span>{' '}
            <a href={href(`/ballots/${encodeURIComponent(r.id)}`)}>{tb('vote.checkInPortal')}</a>
          </Alert>
        )}
      </Step>
    </div>
  )
}

function TokenForm({
  process,
  walletKey,
  onToken,
}: {
  process: Process
  walletKey: StoredKey | undefined
  onToken: () => void
}) {
  const census = process.record.census
  const credentials = useAsync(() => matchingCredentials(census), [process.record.id])
  const [code, setCode] = useState('')
  const [chosen, setChosen] = useState(0)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | undefined>(undefined)
  const submit = async (e: Event) => {
    e.preventDefault()
    setBusy(true)
    setProblem(undefined)
    try {
      const credential = credentials.data?.[chosen]
      if (census.kind === 'credential' && credential === undefined) throw new Error(tb('token.noCredential'))
      await obtainToken({
        process: process.record.id,
        census,
        answer:
          census.kind === 'list'
            ? { kind: 'code', code }
            : { kind: 'credential', credential: credential as StoredCredential },
        walletKey,
      })
      onToken()
    } catch (error) {
      setProblem(problemText(error))
    } finally {
      setBusy(false)
    }
  }
  return (
    <form class="tab-stack" onSubmit={submit}>
      <p>{tb('token.explain')}</p>
      {census.kind === 'list' ? (
        <Field id="census-code" label={tb('token.code')} description={tb('token.codeHint')}>
          <input
            id="census-code"
            class="utrecht-textbox utrecht-textbox--html-input tab-code-input"
            autocomplete="off"
            aria-describedby="census-code-description"
            value={code}
            onInput={(e) => setCode((e.target as HTMLInputElement).value)}
            required
          />
        </Field>
      ) : !walletKey ? (
        <Alert type="warning">
          {tb('token.noWallet')} <a href={href('/wallet')}>{tb('token.openWallet')}</a>
        </Alert>
      ) : credentials.data === undefined ? (
        <Loading />
      ) : credentials.data.length === 0 ? (
        <Alert type="warning">
          {tb('token.noCredential')} <a href={href('/wallet')}>{tb('token.openWallet')}</a>
        </Alert>
      ) : (
        <fieldset class="utrecht-form-fieldset tab-fieldset">
          <legend class="utrecht-form-fieldset__legend">{tb('token.credential')}</legend>
          {credentials.data.map((c, i) => (
            <label class="tab-choice" key={c.id}>
              <input type="radio" name="credential" checked={chosen === i} onChange={() => setChosen(i)} />{' '}
              {viewCredential(c.credential).type.split('/').slice(-2, -1)[0] ?? c.configurationId} ·{' '}
              {formatTime(c.receivedAt)}
            </label>
          ))}
          <p class="tab-muted" id="shared-claims">
            {tb('token.shares', {
              claims: Object.entries(census.claims)
                .map(([k, v]) => `${k} = ${String(v)}`)
                .join(', '),
            })}
          </p>
        </fieldset>
      )}
      {problem && <Alert type="error">{problem}</Alert>}
      <div class="tab-actions">
        <Button
          type="submit"
          id="get-token"
          disabled={busy || (census.kind === 'credential' && !credentials.data?.length)}
        >
          {busy ? tb('token.busy') : tb('token.get')}
        </Button>
      </div>
    </form>
  )
}
