import { useState } from 'preact/hooks'
import type { NetworkInfo } from '../../api/types.js'
import { Alert, Button, Field, PageTitle } from '../../components/ui.js'
import { signAndSubmit } from '../../console/submit.js'
import type { StoredKey } from '../../lib/keys.js'
import { href } from '../../lib/router.js'
import { codeOf } from '../api.js'
import { ClaimList, IssuerName, typeName, validityText } from '../components.js'
import { type CredentialView, viewCredential } from '../credentialView.js'
import { reasonOf } from '../errors.js'
import { ti } from '../i18n/ti.js'

/** The status-list position a JWT VC names: `…/v1/registry/status-lists/<issuer>/<list>` and its index. */
export function statusPositionOf(view: CredentialView): { issuer: string; list: string; index: number } | undefined {
  const entry = view.status as { statusListCredential?: unknown; statusListIndex?: unknown } | undefined
  if (typeof entry?.statusListCredential !== 'string' || typeof entry.statusListIndex !== 'string') return undefined
  const match = /\/v1\/registry\/status-lists\/(did:tab:[a-z0-9-]+)\/([A-Za-z0-9._-]+)$/.exec(
    entry.statusListCredential,
  )
  if (!match || !/^\d{1,10}$/.test(entry.statusListIndex)) return undefined
  return { issuer: match[1] as string, list: match[2] as string, index: Number(entry.statusListIndex) }
}

/**
 * Revoke a credential: paste it (the holder shows it, or it comes from the
 * issuance record), see what it is, and sign the registry `revoke`
 * transaction with the console key; its status list changes at once.
 */
export function RevokePage({ keyInfo, network }: { keyInfo: StoredKey; network: NetworkInfo }) {
  const [text, setText] = useState('')
  const [view, setView] = useState<CredentialView | undefined>(undefined)
  const [problem, setProblem] = useState<string | undefined>(undefined)
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<{ index: number; txid: string } | undefined>(undefined)
  const read = (e: Event) => {
    e.preventDefault()
    setDone(undefined)
    setProblem(undefined)
    try {
      const v = viewCredential(text.trim())
      setView(v)
      if (!statusPositionOf(v)) setProblem(ti('revoke.noStatus'))
    } catch {
      setView(undefined)
      setProblem(ti('revoke.unreadable'))
    }
  }
  const position = view ? statusPositionOf(view) : undefined
  const revoke = async () => {
    if (!position || !confirm(ti('revoke.confirm'))) return
    setBusy(true)
    setProblem(undefined)
    try {
      const r = await signAndSubmit({
        key: keyInfo,
        network: network.network,
        module: 'registry',
        action: 'revoke',
        args: position,
      })
      if (!r.ok) setProblem(reasonOf(r.error.code, r.error.message))
      else if (r.outcome.status === 'rejected') setProblem(reasonOf(r.outcome.code, r.outcome.message))
      else setDone({ index: r.index, txid: r.txid })
    } catch (error) {
      setProblem(reasonOf(codeOf(error), (error as Error).message))
    } finally {
      setBusy(false)
    }
  }
  return (
    <div class="tab-stack tab-narrow">
      <PageTitle title={ti('revoke.title')}>{ti('revoke.title')}</PageTitle>
      <p class="utrecht-paragraph utrecht-paragraph--lead">{ti('revoke.intro')}</p>
      <form class="tab-stack" onSubmit={read}>
        <Field id="revoke-credential" label={ti('revoke.paste')} description={ti('revoke.pasteHelp')}>
          <textarea
            id="revoke-credential"
            class="utrecht-textarea utrecht-textarea--html-textarea tab-code-input"
            rows={5}
            aria-describedby="revoke-credential-description"
            value={text}
            onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
          />
        </Field>
        <div class="tab-actions">
          <Button type="submit" appearance="secondary" disabled={!text.trim()}>
            {ti('revoke.read')}
          </Button>
        </div>
      </form>
      {view && position && !done && (
        <section class="tab-card" aria-labelledby="revoke-what">
          <h2 class="utrecht-heading-2" id="revoke-what">
            {typeName(view.type)}
          </h2>
          <p>
            {ti('credential.issuedBy')} <IssuerName did={view.issuer} /> · {validityText(view)}
          </p>
          <ClaimList claims={Object.entries(view.claims)} />
          <p class="tab-muted">{ti('revoke.position', { list: position.list, index: position.index })}</p>
          <div class="tab-actions">
            <Button id="revoke-button" onClick={revoke} disabled={busy}>
              {busy ? ti('common.working') : ti('revoke.button')}
            </Button>
          </div>
        </section>
      )}
      <div aria-live="polite">
        {done && (
          <Alert type="ok">
            <p id="revoke-done">{ti('revoke.done', { index: done.index })}</p>
            <p>
              <a href={href(`/receipt/${done.txid}`)}>{ti('revoke.receipt')}</a>
            </p>
          </Alert>
        )}
        {problem && <Alert type="error">{problem}</Alert>}
      </div>
    </div>
  )
}
