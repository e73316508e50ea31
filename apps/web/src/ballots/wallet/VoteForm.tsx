import type { QuestionDef } from '@tabularium/module-ballots/client'
import { prepareBallot } from '@tabularium/module-ballots/client'
import type { Token } from '@tabularium/voting'
import { tokenNullifier } from '@tabularium/voting'
import { useState } from 'preact/hooks'
import { getNetwork } from '../../api/client.js'
import { Alert, Button } from '../../components/ui.js'
import { signAndSubmit } from '../../console/submit.js'
import { formatNumber } from '../../i18n/index.js'
import { needsFinalReceipt } from '../../lib/finalReceipt.js'
import type { BallotView } from '../api.js'
import { problemText } from '../components.js'
import { tb } from '../i18n/tb.js'
import { checkChoice, costOf } from '../rules.js'
import { type CastVote, saveVote } from '../store.js'
import { throwAwayKey } from './throwAwayKey.js'

/** The ballot form: encrypt the choices in the browser, cast with a throw-away key, keep the receipt. */
export function VoteForm({
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
