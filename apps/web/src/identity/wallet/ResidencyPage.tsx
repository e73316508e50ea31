import { useEffect, useState } from 'preact/hooks'
import { Alert, Button, Field, Loading, PageTitle } from '../../components/ui.js'
import type { StoredKey } from '../../lib/keys.js'
import { href } from '../../lib/router.js'
import { type CredentialRequestView, codeOf, getRequest, requestCredential } from '../api.js'
import { reasonOf } from '../errors.js'
import { ti } from '../i18n/ti.js'
import { referenceOf } from '../reference.js'
import { deleteRequest, listRequests, type StoredRequest, saveCredential, saveRequest } from './credentialStore.js'
import { receiveOffer } from './receiveOffer.js'

const POLL_MS = 2000

/**
 * "Ask for a residency certificate": the citizen gives name and date of
 * birth, gets a reference to show at the desk, the page polls until the
 * clerk approves, then the citizen types the code the clerk hands over and
 * the wallet receives the credentials (OpenID4VCI, pre-authorised code).
 */
export function ResidencyPage({ walletKey }: { walletKey: StoredKey }) {
  const [request, setRequest] = useState<StoredRequest | null | undefined>(undefined)
  const [done, setDone] = useState(false)
  useEffect(() => {
    listRequests().then(
      (items) => setRequest(items.sort((a, b) => b.created.localeCompare(a.created))[0] ?? null),
      () => setRequest(null),
    )
  }, [])
  return (
    <div class="tab-stack tab-narrow">
      <PageTitle title={ti('residency.title')}>{ti('residency.title')}</PageTitle>
      <p>
        <a href={href('/wallet')}>{ti('common.backToWallet')}</a>
      </p>
      {request === undefined && <Loading />}
      {done && (
        <Alert type="ok">
          <p id="residency-received">{ti('residency.received')}</p>
          <p>
            <a href={href('/wallet')}>{ti('residency.seeWallet')}</a>
          </p>
        </Alert>
      )}
      {!done && request === null && <RequestForm subject={walletKey.did} onRequested={setRequest} />}
      {!done && request && (
        <PendingRequest
          request={request}
          walletKey={walletKey}
          onReceived={() => setDone(true)}
          onCancel={async () => {
            await deleteRequest(request.id)
            setRequest(null)
          }}
        />
      )}
    </div>
  )
}

function RequestForm({ subject, onRequested }: { subject: string; onRequested: (r: StoredRequest) => void }) {
  const [given, setGiven] = useState('')
  const [family, setFamily] = useState('')
  const [birthdate, setBirthdate] = useState('')
  const [problem, setProblem] = useState<string | undefined>(undefined)
  const [busy, setBusy] = useState(false)
  const submit = async (e: Event) => {
    e.preventDefault()
    if (!given.trim() || !family.trim() || !birthdate) return setProblem(ti('residency.fillAll'))
    setBusy(true)
    setProblem(undefined)
    try {
      const claims = { given_name: given.trim(), family_name: family.trim(), birthdate }
      const view: CredentialRequestView = await requestCredential(claims, subject)
      const stored = { id: view.id, created: view.created }
      await saveRequest(stored)
      onRequested(stored)
    } catch (error) {
      setProblem(reasonOf(codeOf(error), (error as Error).message))
    } finally {
      setBusy(false)
    }
  }
  return (
    <form class="tab-stack" onSubmit={submit}>
      <p class="utrecht-paragraph utrecht-paragraph--lead">{ti('residency.intro')}</p>
      <Field id="residency-given" label={ti('residency.givenName')}>
        <input
          id="residency-given"
          class="utrecht-textbox utrecht-textbox--html-input"
          autocomplete="given-name"
          maxLength={100}
          value={given}
          onInput={(e) => setGiven((e.target as HTMLInputElement).value)}
        />
      </Field>
      <Field id="residency-family" label={ti('residency.familyName')}>
        <input
          id="residency-family"
          class="utrecht-textbox utrecht-textbox--html-input"
          autocomplete="family-name"
          maxLength={100}
          value={family}
          onInput={(e) => setFamily((e.target as HTMLInputElement).value)}
        />
      </Field>
      <Field id="residency-birthdate" label={ti('residency.birthdate')} description={ti('residency.birthdateHelp')}>
        <input
          id="residency-birthdate"
          type="date"
          class="utrecht-textbox utrecht-textbox--html-input"
          autocomplete="bday"
          aria-describedby="residency-birthdate-description"
          value={birthdate}
          onInput={(e) => setBirthdate((e.target as HTMLInputElement).value)}
        />
      </Field>
      <p class="tab-muted">{ti('residency.privacy')}</p>
      <div class="tab-actions">
        <Button type="submit" id="residency-submit" disabled={busy}>
          {busy ? ti('common.working') : ti('residency.submit')}
        </Button>
      </div>
      <div aria-live="polite">{problem && <Alert type="error">{problem}</Alert>}</div>
    </form>
  )
}

function PendingRequest({
  request,
  walletKey,
  onReceived,
  onCancel,
}: {
  request: StoredRequest
  walletKey: StoredKey
  onReceived: () => void
  onCancel: () => void
}) {
  const [reference, setReference] = useState('')
  const [view, setView] = useState<CredentialRequestView | undefined>(undefined)
  const [gone, setGone] = useState(false)
  useEffect(() => {
    referenceOf(request.id).then(setReference)
    let live = true
    let timer: ReturnType<typeof setTimeout> | undefined
    const poll = async () => {
      try {
        const answer = await getRequest(request.id)
        if (!live) return
        setView(answer)
        if (answer.status === 'pending') timer = setTimeout(poll, POLL_MS)
      } catch (error) {
        if (!live) return
        if (codeOf(error) === 'NOT_FOUND') setGone(true)
        else timer = setTimeout(poll, POLL_MS * 2)
      }
    }
    void poll()
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [request.id])
  if (gone) {
    return (
      <Alert type="warning">
        <p>{ti('residency.expired')}</p>
        <Button appearance="secondary" onClick={onCancel}>
          {ti('residency.askAgain')}
        </Button>
      </Alert>
    )
  }
  const approved = view?.status === 'approved' && view.offer
  return (
    <div class="tab-stack">
      <div class="tab-card tab-reference">
        <p>{ti('residency.referenceIntro')}</p>
        {reference ? (
          <p class="tab-reference__code" id="residency-reference">
            {reference}
          </p>
        ) : (
          <Loading />
        )}
        <p aria-live="polite" id="residency-status">
          {approved ? ti('residency.approved') : ti('residency.waiting')}
        </p>
      </div>
      {approved && view.offer && (
        <CodeForm offerUri={view.offer.uri} walletKey={walletKey} request={request} onReceived={onReceived} />
      )}
      {!approved && (
        <details class="tab-details">
          <summary>{ti('residency.cancelTitle')}</summary>
          <p>{ti('residency.cancelText')}</p>
          <Button appearance="secondary" onClick={onCancel}>
            {ti('residency.cancel')}
          </Button>
        </details>
      )}
    </div>
  )
}

function CodeForm(p: { offerUri: string; walletKey: StoredKey; request: StoredRequest; onReceived: () => void }) {
  const [code, setCode] = useState('')
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | undefined>(undefined)
  const receive = async (e: Event) => {
    e.preventDefault()
    const digits = code.replace(/\D/g, '')
    if (digits.length !== 6) return setProblem(ti('residency.codeFormat'))
    setBusy(true)
    setProblem(undefined)
    try {
      const credentials = await receiveOffer({ offerUri: p.offerUri, txCode: digits, walletKey: p.walletKey })
      for (const c of credentials) await saveCredential(c)
      await deleteRequest(p.request.id)
      p.onReceived()
    } catch (error) {
      setProblem(reasonOf(codeOf(error), (error as Error).message))
    } finally {
      setBusy(false)
    }
  }
  return (
    <form class="tab-stack" onSubmit={receive}>
      <Field id="residency-code" label={ti('residency.code')} description={ti('residency.codeHelp')}>
        <input
          id="residency-code"
          class="utrecht-textbox utrecht-textbox--html-input tab-otp"
          inputMode="numeric"
          autocomplete="one-time-code"
          maxLength={7}
          aria-describedby="residency-code-description"
          value={code}
          onInput={(e) => setCode((e.target as HTMLInputElement).value)}
        />
      </Field>
      <div class="tab-actions">
        <Button type="submit" id="residency-receive" disabled={busy}>
          {busy ? ti('common.working') : ti('residency.receive')}
        </Button>
      </div>
      <div aria-live="polite">{problem && <Alert type="error">{problem}</Alert>}</div>
    </form>
  )
}
