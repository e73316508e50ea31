import { useState } from 'preact/hooks'
import type { NetworkInfo } from '../../api/types.js'
import { Button, Card, Field } from '../../components/ui.js'
import type { StoredKey } from '../../lib/keys.js'
import { type BallotsKey, tb } from '../i18n/tb.js'
import { ProcessFormPage, Text, useCommon, useCreateProcess } from './processForm.js'
import { memberIdOf } from './useConsole.js'

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

/** The console's form for a new ballot: questions of every kind, schedule, census, vote-again, trustees. */
export function CreateBallot({ keyInfo, network }: { keyInfo: StoredKey; network: NetworkInfo }) {
  const common = useCommon()
  const self = memberIdOf(keyInfo, network)
  const [description, setDescription] = useState('')
  const [voteAgain, setVoteAgain] = useState(true)
  const [questions, setQuestions] = useState<QuestionDraft[]>([newQuestion()])
  const [trustees, setTrustees] = useState<string[]>(self ? [self] : [])
  const [threshold, setThreshold] = useState('1')
  const update = (i: number, change: Partial<QuestionDraft>) =>
    setQuestions((qs) => qs.map((q, k) => (k === i ? { ...q, ...change } : q)))
  const updateOption = (i: number, j: number, change: Partial<OptionDraft>) =>
    setQuestions((qs) =>
      qs.map((q, k) => (k !== i ? q : { ...q, options: q.options.map((o, m) => (m === j ? { ...o, ...change } : o)) })),
    )
  const { busy, problem, submit } = useCreateProcess({
    keyInfo,
    network,
    action: 'createBallot',
    id: () => common.id,
    args: (issuerKey) => ({
      id: common.id,
      title: common.title,
      ...(description.trim() ? { description: description.trim() } : {}),
      questions: questions.map((q, i) => questionArgs(q, i)),
      opens: common.opens,
      closes: common.closes,
      voteAgain,
      census: common.censusArgs(),
      issuerKey,
      trustees,
      threshold: Number(threshold),
    }),
    openAfter: (id) => `/console/ballots/${encodeURIComponent(id)}`,
  })
  return (
    <ProcessFormPage
      title={tb('create.ballotTitle')}
      onSubmit={submit}
      busy={busy}
      problem={problem}
      submitId="create-ballot"
      submitLabel={tb('create.submitBallot')}
    >
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
                onChange={() => setTrustees((ts) => (ts.includes(m.id) ? ts.filter((x) => x !== m.id) : [...ts, m.id]))}
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
    </ProcessFormPage>
  )
}
