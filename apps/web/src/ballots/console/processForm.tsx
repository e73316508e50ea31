import type { ComponentChildren } from 'preact'
import { useState } from 'preact/hooks'
import type { NetworkInfo } from '../../api/types.js'
import { Alert, Button, Field, PageTitle } from '../../components/ui.js'
import { signAndSubmit } from '../../console/submit.js'
import type { StoredKey } from '../../lib/keys.js'
import { href, navigate } from '../../lib/router.js'
import { createTokenKey } from '../api.js'
import { problemText } from '../components.js'
import { tb } from '../i18n/tb.js'
import { fromLocalInput, toLocalInput } from './useConsole.js'

// What the ballot and petition forms share: the text input, the common
// fields (id, title, schedule, census), the submission (a blind-signing key
// from the node, then the signed transaction) and the page around the form.

/** The residency credential's `vct` (the identity pages issue it). */
export const RESIDENCY_VCT = 'https://schemas.tabularium.org/residency/v1'

export function Text(p: {
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
export function useCommon() {
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

/** One form's submission: busy and problem states, then the page to open. */
export function useCreateProcess(p: {
  keyInfo: StoredKey
  network: NetworkInfo
  action: 'createBallot' | 'createPetition'
  id: () => string
  args: (issuerKey: unknown) => Record<string, unknown>
  openAfter: (id: string) => string
}) {
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | undefined>(undefined)
  const submit = async (e: Event) => {
    e.preventDefault()
    setBusy(true)
    setProblem(undefined)
    try {
      const id = p.id()
      const { publicKey } = await createTokenKey({ key: p.keyInfo, network: p.network.network, process: id })
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
      navigate(p.openAfter(id))
    } catch (error) {
      setProblem(problemText(error))
    } finally {
      setBusy(false)
    }
  }
  return { busy, problem, submit }
}

/** The page around a creation form: title, back link, the form, its problem and its submit button. */
export function ProcessFormPage(p: {
  title: string
  onSubmit: (e: Event) => void
  busy: boolean
  problem: string | undefined
  submitId: string
  submitLabel: string
  children: ComponentChildren
}) {
  return (
    <div class="tab-stack">
      <PageTitle title={p.title}>{p.title}</PageTitle>
      <p>
        <a href={href('/console/ballots')}>{tb('console.back')}</a>
      </p>
      <form class="tab-stack" onSubmit={p.onSubmit}>
        {p.children}
        {p.problem && <Alert type="error">{p.problem}</Alert>}
        <div class="tab-actions">
          <Button type="submit" id={p.submitId} disabled={p.busy}>
            {p.busy ? tb('create.busy') : p.submitLabel}
          </Button>
        </div>
      </form>
    </div>
  )
}
