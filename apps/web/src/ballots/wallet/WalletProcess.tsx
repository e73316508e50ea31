import type { QuestionDef } from '@tabularium/module-ballots/client'
import { prepareBallot } from '@tabularium/module-ballots/client'
import type { Token } from '@tabularium/voting'
import { tokenNullifier } from '@tabularium/voting'
import { useEffect, useState } from 'preact/hooks'
import { getNetwork } from '../../api/client.js'
import { Alert, Button, Field, Loading, PageTitle } from '../../components/ui.js'
import { signAndSubmit } from '../../console/submit.js'
import { formatNumber, formatTime } from '../../i18n/index.js'
import { viewCredential } from '../../identity/credentialView.js'
import type { StoredCredential } from '../../identity/wallet/credentialStore.js'
import { needsFinalReceipt } from '../../lib/finalReceipt.js'
import { generateKey, loadKey, type StoredKey } from '../../lib/keys.js'
import { href } from '../../lib/router.js'
import { useAsync } from '../../lib/useAsync.js'
import { type BallotView, getBallot, getPetition, type PetitionView, processKind } from '../api.js'
import { PhaseBadge, problemText, Schedule, Step } from '../components.js'
import { tb } from '../i18n/tb.js'
import { checkChoice, costOf } from '../rules.js'
import { type CastVote, getToken, getVote, saveVote } from '../store.js'
import { matchingCredentials, obtainToken } from '../token.js'

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
    if (!record || record.status !== 'scheduled') return
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

/** A fresh throw-away signing key: the signer of a ballot transaction is public, so it must not be the voter's. */
async function throwAwayKey(): Promise<StoredKey> {
  return generateKey({ extractable: false })
}

function VoteForm({
  ballot,
  token,
  previous,
  onCast,
}: {
  ballot: BallotView
  token: Token
  previous: CastVote | undefined
  onCast: () => void
}) {
  const [selected, setSelected] = useState<boolean[][]>(() => ballot.questions.map((q) => q.options.map(() => false)))
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | undefined>(undefined)
  const [again, setAgain] = useState(false)
  if (previous && !again) {
    return ballot.voteAgain ? (
      <p>
        {tb('vote.againExplain')}{' '}
        <Button appearance="secondary" onClick={() => setAgain(true)}>
          {tb('vote.again')}
        </Button>
      </p>
    ) : null
  }
  const toggle = (qi: number, oi: number, single: boolean) => {
    setProblem(undefined)
    setSelected((s) => s.map((row, i) => (i !== qi ? row : row.map((v, j) => (single ? j === oi : j === oi ? !v : v)))))
  }
  const problems = ballot.questions.map((q, i) => checkChoice(q, selected[i] ?? []))
  const submit = async (e: Event) => {
    e.preventDefault()
    // Every broken rule at once, each with its question, before anything is encrypted.
    const broken = problems.flatMap((p, i) => (p ? [`${ballot.questions[i]?.title}: ${tb(p.key, p.params)}`] : []))
    if (broken.length > 0) {
      setProblem(broken.join(' '))
      return
    }
    setBusy(true)
    setProblem(undefined)
    try {
      const publicKey = ballot.ceremony.publicKey
      if (!publicKey) throw new Error(tb('vote.noKey'))
      const choices = selected.map((row) => row.map((v) => (v ? 1 : 0)))
      const args = prepareBallot({ ballot, publicKey, token, choices })
      const [network, key] = await Promise.all([getNetwork(), throwAwayKey()])
      const final = needsFinalReceipt(network) // the vote's receipt must meet the genesis quorum
      const result = await signAndSubmit({
        key,
        network: network.network,
        module: 'ballots',
        action: 'cast',
        args,
        final,
      })
      if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code })
      if (result.outcome.status !== 'accepted')
        throw Object.assign(new Error(result.outcome.message), { code: result.outcome.code })
      if (!result.receipt) throw new Error('no receipt')
      await saveVote({
        process: ballot.id,
        kind: 'ballot',
        title: ballot.title,
        nullifier: tokenNullifier({ ballotId: ballot.id, token }),
        receipt: result.receipt,
        castAt: new Date().toISOString(),
      })
      setAgain(false)
      onCast()
    } catch (error) {
      setProblem(problemText(error))
    } finally {
      setBusy(false)
    }
  }
  return (
    <form class="tab-stack" onSubmit={submit} noValidate>
      <p>{tb('vote.explain')}</p>
      {ballot.questions.map((q, qi) => (
        <QuestionField
          key={q.id}
          question={q}
          selected={selected[qi] ?? []}
          onToggle={(oi) => toggle(qi, oi, q.type === 'single')}
          problem={problems[qi] ?? null}
        />
      ))}
      {problem && (
        <Alert type="error" id="vote-problem">
          {problem}
        </Alert>
      )}
      <div class="tab-actions">
        <Button type="submit" id="cast-vote" disabled={busy}>
          {busy ? tb('vote.busy') : tb('vote.cast')}
        </Button>
      </div>
    </form>
  )
}

function QuestionField({
  question: q,
  selected,
  onToggle,
  problem,
}: {
  question: QuestionDef
  selected: boolean[]
  onToggle: (option: number) => void
  problem: ReturnType<typeof checkChoice>
}) {
  const single = q.type === 'single'
  const hintId = `q-${q.id}-hint`
  const hint =
    q.type === 'single'
      ? tb('rules.hintSingle')
      : q.type === 'budget'
        ? tb('rules.hintBudget', { budget: q.budget ?? 0, min: q.min, max: q.max })
        : tb('rules.hintMultiple', { min: q.min, max: q.max })
  return (
    <fieldset class="utrecht-form-fieldset tab-fieldset" aria-describedby={hintId} data-question={q.id}>
      <legend class="utrecht-form-fieldset__legend">{q.title}</legend>
      <p class="tab-muted" id={hintId}>
        {hint}
      </p>
      {q.options.map((o, oi) => (
        <label class="tab-choice" key={o.id}>
          <input
            type={single ? 'radio' : 'checkbox'}
            name={`q-${q.id}`}
            value={o.id}
            checked={selected[oi] === true}
            onChange={() => onToggle(oi)}
          />{' '}
          {o.title}
          {o.cost !== undefined && <span class="tab-muted"> — {formatNumber(o.cost)}</span>}
        </label>
      ))}
      {q.type === 'budget' && (
        <p class="tab-budget" aria-live="polite">
          {tb('rules.spent', { cost: costOf(q, selected), budget: q.budget ?? 0 })}
        </p>
      )}
      {problem && selected.some(Boolean) && (
        <p class="tab-rule-problem" aria-live="polite">
          {tb(problem.key, problem.params)}
        </p>
      )}
    </fieldset>
  )
}

function SignForm({ petition, token, onSigned }: { petition: PetitionView; token: Token; onSigned: () => void }) {
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | undefined>(undefined)
  const sign = async () => {
    setBusy(true)
    setProblem(undefined)
    try {
      const [network, key] = await Promise.all([getNetwork(), throwAwayKey()])
      const result = await signAndSubmit({
        key,
        network: network.network,
        module: 'ballots',
        action: 'signPetition',
        args: { petition: petition.id, token },
        final: needsFinalReceipt(network),
      })
      if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code })
      if (result.outcome.status !== 'accepted')
        throw Object.assign(new Error(result.outcome.message), { code: result.outcome.code })
      if (result.receipt)
        await saveVote({
          process: petition.id,
          kind: 'petition',
          title: petition.title,
          nullifier: tokenNullifier({ ballotId: petition.id, token }),
          receipt: result.receipt,
          castAt: new Date().toISOString(),
        })
      onSigned()
    } catch (error) {
      setProblem(problemText(error))
    } finally {
      setBusy(false)
    }
  }
  return (
    <div class="tab-stack">
      <p class="tab-prewrap">{petition.text}</p>
      <p>{tb('sign.explain')}</p>
      {problem && <Alert type="error">{problem}</Alert>}
      <div class="tab-actions">
        <Button id="sign-petition" onClick={sign} disabled={busy}>
          {busy ? tb('sign.busy') : tb('sign.sign')}
        </Button>
      </div>
    </div>
  )
}
