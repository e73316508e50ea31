import { useState } from 'preact/hooks'
import type { NetworkInfo } from '../../api/types.js'
import { Alert, Button, Card, Field, PageTitle } from '../../components/ui.js'
import { signAndSubmit } from '../../console/submit.js'
import type { StoredKey } from '../../lib/keys.js'
import { href, navigate } from '../../lib/router.js'
import { createTokenKey } from '../api.js'
import { problemText } from '../components.js'
import { type BallotsKey, tb } from '../i18n/tb.js'
import { fromLocalInput, memberIdOf, toLocalInput } from './useConsole.js'

/** The residency credential's `vct` (the identity pages issue it). */
export const RESIDENCY_VCT = 'https://schemas.tabularium.org/residency/v1'

type QuestionType = 'single' | 'multiple' | 'approval' | 'budget'
interface OptionDraft {
  title: string
  cost: string
}
interface QuestionDraft {
  title: string
  type: QuestionType
  options: OptionDraft[]
  min: string
  max: string
  budget: string
  minimumBudget: string
}

const TYPE_KEYS: Record<QuestionType, BallotsKey> = {
  single: 'create.type.single',
  multiple: 'create.type.multiple',
  approval: 'create.type.approval',
  budget: 'create.type.budget',
}

const newQuestion = (): QuestionDraft => ({
  title: '',
  type: 'single',
  options: [
    { title: '', cost: '' },
    { title: '', cost: '' },
  ],
  min: '1',
  max: '1',
  budget: '',
  minimumBudget: '',
})

function Text(p: {
  id: string
  label: string
  value: string
  onInput: (v: string) => void
  type?: string
  description?: string
  required?: boolean
  step?: string
  min?: string
}) {
  return (
    <Field id={p.id} label={p.label} {...(p.description ? { description: p.description } : {})}>
      <input
        id={p.id}
        class="utrecht-textbox utrecht-textbox--html-input"
        type={(p.type ?? 'text') as 'text'}
        value={p.value}
        required={p.required}
        {...(p.step ? { step: p.step } : {})}
        {...(p.min ? { min: p.min } : {})}
        {...(p.description ? { 'aria-describedby': `${p.id}-description` } : {})}
        onInput={(e) => p.onInput((e.target as HTMLInputElement).value)}
      />
    </Field>
  )
}

/** The shared part of both forms: id, title, schedule and census. */
function useCommon() {
  const now = Date.now()
  const [id, setId] = useState('')
  const [title, setTitle] = useState('')
  const [opens, setOpens] = useState(toLocalInput(now + 24 * 3_600_000))
  const [closes, setCloses] = useState(toLocalInput(now + 8 * 24 * 3_600_000))
  const [census, setCensus] = useState<'credential' | 'list'>('credential')
  const [residentOf, setResidentOf] = useState('')
  const [over16, setOver16] = useState(true)
  const censusArgs = () =>
    census === 'list'
      ? { kind: 'list' }
      : {
          kind: 'credential',
          credentialType: RESIDENCY_VCT,
          claims: { resident_of: residentOf.trim(), ...(over16 ? { age_over_16: true } : {}) },
        }
  const fields = (
    <>
      <Text
        id="process-id"
        label={tb('create.id')}
        description={tb('create.idHint')}
        value={id}
        onInput={setId}
        required
      />
      <Text id="process-title" label={tb('create.titleField')} value={title} onInput={setTitle} required />
      <div class="tab-grid">
        <Text
          id="process-opens"
          label={tb('create.opens')}
          type="datetime-local"
          step="1"
          value={opens}
          onInput={setOpens}
          required
        />
        <Text
          id="process-closes"
          label={tb('create.closes')}
          type="datetime-local"
          step="1"
          value={closes}
          onInput={setCloses}
          required
        />
      </div>
      <fieldset class="utrecht-form-fieldset tab-fieldset">
        <legend class="utrecht-form-fieldset__legend">{tb('create.census')}</legend>
        <label class="tab-choice">
          <input
            type="radio"
            name="census"
            id="census-credential"
            checked={census === 'credential'}
            onChange={() => setCensus('credential')}
          />{' '}
          {tb('create.censusCredential')}
        </label>
        <label class="tab-choice">
          <input
            type="radio"
            name="census"
            id="census-list"
            checked={census === 'list'}
            onChange={() => setCensus('list')}
          />{' '}
          {tb('create.censusList')}
        </label>
        {census === 'credential' && (
          <div class="tab-stack">
            <Text
              id="census-resident-of"
              label={tb('create.residentOf')}
              value={residentOf}
              onInput={setResidentOf}
              required
            />
            <label class="tab-choice">
              <input type="checkbox" id="census-over-16" checked={over16} onChange={() => setOver16(!over16)} />{' '}
              {tb('create.over16')}
            </label>
            <p class="tab-muted">{tb('create.censusCredentialHint')}</p>
          </div>
        )}
        {census === 'list' && <p class="tab-muted">{tb('create.censusListHint')}</p>}
      </fieldset>
    </>
  )
  return {
    id: id.trim(),
    title: title.trim(),
    opens: fromLocalInput(opens),
    closes: fromLocalInput(closes),
    censusArgs,
    fields,
  }
}

async function submitWithKey(p: {
  keyInfo: StoredKey
  network: NetworkInfo
  id: string
  action: 'createBallot' | 'createPetition'
  args: (issuerKey: unknown) => Record<string, unknown>
}) {
  const { publicKey } = await createTokenKey({ key: p.keyInfo, network: p.network.network, process: p.id })
  const result = await signAndSubmit({
    key: p.keyInfo,
    network: p.network.network,
    module: 'ballots',
    action: p.action,
    args: p.args(publicKey),
  })
  if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code })
  if (result.outcome.status !== 'accepted')
    throw Object.assign(new Error(result.outcome.message), { code: result.outcome.code })
}

/** The console's form for a new ballot: questions of every kind, schedule, census, vote-again, trustees. */
export function CreateBallot({ keyInfo, network }: { keyInfo: StoredKey; network: NetworkInfo }) {
  const common = useCommon()
  const self = memberIdOf(keyInfo, network)
  const [description, setDescription] = useState('')
  const [voteAgain, setVoteAgain] = useState(true)
  const [questions, setQuestions] = useState<QuestionDraft[]>([newQuestion()])
  const [trustees, setTrustees] = useState<string[]>(self ? [self] : [])
  const [threshold, setThreshold] = useState('1')
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | undefined>(undefined)
  const update = (i: number, change: Partial<QuestionDraft>) =>
    setQuestions((qs) => qs.map((q, k) => (k === i ? { ...q, ...change } : q)))
  const updateOption = (i: number, j: number, change: Partial<OptionDraft>) =>
    setQuestions((qs) =>
      qs.map((q, k) => (k !== i ? q : { ...q, options: q.options.map((o, m) => (m === j ? { ...o, ...change } : o)) })),
    )
  const submit = async (e: Event) => {
    e.preventDefault()
    setBusy(true)
    setProblem(undefined)
    try {
      const qs = questions.map((q, i) => questionArgs(q, i))
      await submitWithKey({
        keyInfo,
        network,
        id: common.id,
        action: 'createBallot',
        args: (issuerKey) => ({
          id: common.id,
          title: common.title,
          ...(description.trim() ? { description: description.trim() } : {}),
          questions: qs,
          opens: common.opens,
          closes: common.closes,
          voteAgain,
          census: common.censusArgs(),
          issuerKey,
          trustees,
          threshold: Number(threshold),
        }),
      })
      navigate(`/console/ballots/${encodeURIComponent(common.id)}`)
    } catch (error) {
      setProblem(problemText(error))
    } finally {
      setBusy(false)
    }
  }
  return (
    <div class="tab-stack">
      <PageTitle title={tb('create.ballotTitle')}>{tb('create.ballotTitle')}</PageTitle>
      <p>
        <a href={href('/console/ballots')}>{tb('console.back')}</a>
      </p>
      <form class="tab-stack" onSubmit={submit}>
        <Card title={tb('create.about')}>
          {common.fields}
          <Field id="process-description" label={tb('create.description')}>
            <textarea
              id="process-description"
              class="utrecht-textarea utrecht-textarea--html-textarea"
              rows={3}
              value={description}
              onInput={(e) => setDescription((e.target as HTMLTextAreaElement).value)}
            />
          </Field>
          <label class="tab-choice">
            <input type="checkbox" id="vote-again" checked={voteAgain} onChange={() => setVoteAgain(!voteAgain)} />{' '}
            {tb('create.voteAgain')}
          </label>
          <p class="tab-muted">{tb('create.voteAgainHint')}</p>
        </Card>
        {questions.map((q, i) => (
          <Card title={tb('create.question', { n: i + 1 })} key={i}>
            <Text
              id={`q${i}-title`}
              label={tb('create.questionTitle')}
              value={q.title}
              onInput={(v) => update(i, { title: v })}
              required
            />
            <Field id={`q${i}-type`} label={tb('create.type')}>
              <select
                id={`q${i}-type`}
                class="utrecht-select utrecht-select--html-select"
                value={q.type}
                onChange={(e) => update(i, { type: (e.target as HTMLSelectElement).value as QuestionType })}
              >
                {(Object.keys(TYPE_KEYS) as QuestionType[]).map((type) => (
                  <option value={type} key={type}>
                    {tb(TYPE_KEYS[type])}
                  </option>
                ))}
              </select>
            </Field>
            {(q.type === 'multiple' || q.type === 'budget') && (
              <div class="tab-grid">
                <Text
                  id={`q${i}-min`}
                  label={tb('create.min')}
                  type="number"
                  min="0"
                  value={q.min}
                  onInput={(v) => update(i, { min: v })}
                />
                <Text
                  id={`q${i}-max`}
                  label={tb('create.max')}
                  type="number"
                  min="0"
                  value={q.max}
                  onInput={(v) => update(i, { max: v })}
                />
              </div>
            )}
            {q.type === 'budget' && (
              <div class="tab-grid">
                <Text
                  id={`q${i}-budget`}
                  label={tb('create.budget')}
                  type="number"
                  min="0"
                  value={q.budget}
                  onInput={(v) => update(i, { budget: v })}
                  required
                />
                <Text
                  id={`q${i}-minimum`}
                  label={tb('create.minimumBudget')}
                  type="number"
                  min="0"
                  value={q.minimumBudget}
                  onInput={(v) => update(i, { minimumBudget: v })}
                />
              </div>
            )}
            <fieldset class="utrecht-form-fieldset tab-fieldset">
              <legend class="utrecht-form-fieldset__legend">
                {q.type === 'budget' ? tb('create.projects') : tb('create.options')}
              </legend>
              {q.options.map((o, j) => (
                <div class="tab-option-row" key={j}>
                  <Text
                    id={`q${i}-o${j}-title`}
                    label={tb('create.optionTitle', { n: j + 1 })}
                    value={o.title}
                    onInput={(v) => updateOption(i, j, { title: v })}
                    required
                  />
                  {q.type === 'budget' && (
                    <Text
                      id={`q${i}-o${j}-cost`}
                      label={tb('create.cost')}
                      type="number"
                      min="0"
                      value={o.cost}
                      onInput={(v) => updateOption(i, j, { cost: v })}
                      required
                    />
                  )}
                </div>
              ))}
              <div class="tab-actions">
                <Button
                  appearance="secondary"
                  id={`q${i}-add-option`}
                  onClick={() => update(i, { options: [...q.options, { title: '', cost: '' }] })}
                >
                  {q.type === 'budget' ? tb('create.addProject') : tb('create.addOption')}
                </Button>
                {q.options.length > 1 && (
                  <Button appearance="subtle" onClick={() => update(i, { options: q.options.slice(0, -1) })}>
                    {tb('create.removeOption')}
                  </Button>
                )}
              </div>
            </fieldset>
            {questions.length > 1 && (
              <Button appearance="subtle" onClick={() => setQuestions((qs) => qs.filter((_, k) => k !== i))}>
                {tb('create.removeQuestion')}
              </Button>
            )}
          </Card>
        ))}
        <div class="tab-actions">
          <Button appearance="secondary" id="add-question" onClick={() => setQuestions((qs) => [...qs, newQuestion()])}>
            {tb('create.addQuestion')}
          </Button>
        </div>
        <Card title={tb('create.trustees')}>
          <p class="tab-muted">{tb('create.trusteesHint')}</p>
          <fieldset class="utrecht-form-fieldset tab-fieldset">
            <legend class="utrecht-form-fieldset__legend">{tb('create.trusteeList')}</legend>
            {network.members.map((m) => (
              <label class="tab-choice" key={m.id}>
                <input
                  type="checkbox"
                  checked={trustees.includes(m.id)}
                  onChange={() =>
                    setTrustees((ts) => (ts.includes(m.id) ? ts.filter((x) => x !== m.id) : [...ts, m.id]))
                  }
                />{' '}
                {m.name}
              </label>
            ))}
          </fieldset>
          <Text
            id="threshold"
            label={tb('create.threshold')}
            type="number"
            min="1"
            value={threshold}
            onInput={setThreshold}
          />
        </Card>
        {problem && <Alert type="error">{problem}</Alert>}
        <div class="tab-actions">
          <Button type="submit" id="create-ballot" disabled={busy}>
            {busy ? tb('create.busy') : tb('create.submitBallot')}
          </Button>
        </div>
      </form>
    </div>
  )
}

function questionArgs(q: QuestionDraft, i: number): Record<string, unknown> {
  const options = q.options.map((o, j) => ({
    id: `o${j + 1}`,
    title: o.title.trim(),
    ...(q.type === 'budget' ? { cost: Number(o.cost) } : {}),
  }))
  return {
    id: `q${i + 1}`,
    title: q.title.trim(),
    type: q.type,
    options,
    ...(q.type === 'multiple' || q.type === 'budget' ? { min: Number(q.min), max: Number(q.max) } : {}),
    ...(q.type === 'budget' ? { budget: Number(q.budget) } : {}),
    ...(q.type === 'budget' && q.minimumBudget !== '' ? { minimumBudget: Number(q.minimumBudget) } : {}),
  }
}

/** The console's form for a new petition: text, schedule, census and the signature threshold. */
export function CreatePetition({ keyInfo, network }: { keyInfo: StoredKey; network: NetworkInfo }) {
  const common = useCommon()
  const [text, setText] = useState('')
  const [threshold, setThreshold] = useState('500')
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | undefined>(undefined)
  const submit = async (e: Event) => {
    e.preventDefault()
    setBusy(true)
    setProblem(undefined)
    try {
      await submitWithKey({
        keyInfo,
        network,
        id: common.id,
        action: 'createPetition',
        args: (issuerKey) => ({
          id: common.id,
          title: common.title,
          text: text.trim(),
          threshold: Number(threshold),
          opens: common.opens,
          closes: common.closes,
          census: common.censusArgs(),
          issuerKey,
        }),
      })
      navigate(`/ballots/${encodeURIComponent(common.id)}`)
    } catch (error) {
      setProblem(problemText(error))
    } finally {
      setBusy(false)
    }
  }
  return (
    <div class="tab-stack">
      <PageTitle title={tb('create.petitionTitle')}>{tb('create.petitionTitle')}</PageTitle>
      <p>
        <a href={href('/console/ballots')}>{tb('console.back')}</a>
      </p>
      <form class="tab-stack" onSubmit={submit}>
        <Card title={tb('create.about')}>
          {common.fields}
          <Field id="petition-text" label={tb('create.petitionText')}>
            <textarea
              id="petition-text"
              class="utrecht-textarea utrecht-textarea--html-textarea"
              rows={5}
              required
              value={text}
              onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
            />
          </Field>
          <Text
            id="petition-threshold"
            label={tb('create.petitionThreshold')}
            description={tb('create.petitionThresholdHint')}
            type="number"
            min="1"
            value={threshold}
            onInput={setThreshold}
          />
        </Card>
        {problem && <Alert type="error">{problem}</Alert>}
        <div class="tab-actions">
          <Button type="submit" id="create-petition" disabled={busy}>
            {busy ? tb('create.busy') : tb('create.submitPetition')}
          </Button>
        </div>
      </form>
    </div>
  )
}
