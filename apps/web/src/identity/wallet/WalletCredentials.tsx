import '../identity.css'
import { useEffect, useState } from 'preact/hooks'
import { Button, Loading } from '../../components/ui.js'
import { formatTime } from '../../i18n/index.js'
import { href } from '../../lib/router.js'
import { type CredentialState, checkStatus } from '../checkStatus.js'
import { ClaimList, IssuerName, StateBadge, typeName, validityText } from '../components.js'
import { type CredentialView, viewCredential } from '../credentialView.js'
import { ti } from '../i18n/ti.js'
import { deleteCredential, listCredentials, listRequests, type StoredCredential } from './credentialStore.js'

/**
 * The wallet's credentials as cards (type, issuer, validity, live status,
 * what it says), with the identity tasks: ask for a residency certificate,
 * show a credential to a service.
 */
export function WalletCredentials() {
  const [credentials, setCredentials] = useState<StoredCredential[] | undefined>(undefined)
  const [pending, setPending] = useState(0)
  const load = () => {
    listCredentials().then(setCredentials, () => setCredentials([]))
    listRequests().then(
      (r) => setPending(r.length),
      () => setPending(0),
    )
  }
  useEffect(load, [])
  return (
    <div class="tab-stack" id="wallet-credentials">
      <ul class="tab-tasks">
        <li>
          <a class="tab-task" href={href('/wallet/residency')}>
            <span class="tab-task__title">{ti('wallet.task.residency')}</span>
            <span>{pending > 0 ? ti('wallet.task.residencyPending') : ti('wallet.task.residencyText')}</span>
          </a>
        </li>
        <li>
          <a class="tab-task" href={href('/wallet/present')}>
            <span class="tab-task__title">{ti('wallet.task.present')}</span>
            <span>{ti('wallet.task.presentText')}</span>
          </a>
        </li>
        <li>
          <a class="tab-task" href={href('/wallet/data-use')}>
            <span class="tab-task__title">{ti('dataUse.title')}</span>
            <span>{ti('wallet.task.dataUseText')}</span>
          </a>
        </li>
      </ul>
      {!credentials && <Loading />}
      {credentials && credentials.length === 0 && <p class="tab-empty">{ti('wallet.noCredentials')}</p>}
      {credentials && credentials.length > 0 && (
        <ul class="tab-credentials" aria-label={ti('wallet.credentialsList')}>
          {credentials.map((c) => (
            <li key={c.id}>
              <CredentialCard
                stored={c}
                onRemove={async () => {
                  if (!confirm(ti('credential.removeConfirm'))) return
                  await deleteCredential(c.id)
                  load()
                }}
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

/** One credential as a card, its status checked live against the issuer's status list. */
export function CredentialCard({ stored, onRemove }: { stored: StoredCredential; onRemove?: () => void }) {
  const [view] = useState<CredentialView | undefined>(() => {
    try {
      return viewCredential(stored.credential)
    } catch {
      return undefined
    }
  })
  const [state, setState] = useState<CredentialState | undefined>(undefined)
  useEffect(() => {
    if (view) checkStatus(view).then(setState, () => setState('unknown'))
  }, [view])
  if (!view) return <article class="tab-credential">{ti('credential.unreadable')}</article>
  const headingId = `credential-${stored.id}`
  return (
    <article class="tab-credential" aria-labelledby={headingId}>
      <header class="tab-credential__head">
        <h4 class="utrecht-heading-3" id={headingId}>
          {typeName(view.type)}
        </h4>
        <StateBadge state={state} />
      </header>
      <p class="tab-credential__meta">
        {ti('credential.issuedBy')} <IssuerName did={view.issuer} /> · {validityText(view)}
      </p>
      <p class="tab-muted">
        {view.format === 'vc+sd-jwt' ? ti('credential.formatSdJwt') : ti('credential.formatJwt')} ·{' '}
        {ti('credential.received', { time: formatTime(stored.receivedAt) })}
      </p>
      <details class="tab-details">
        <summary>{ti('credential.whatItSays')}</summary>
        <ClaimList claims={Object.entries(view.claims)} />
      </details>
      {onRemove && (
        <div class="tab-actions">
          <Button appearance="subtle" onClick={onRemove}>
            {ti('credential.remove')}
          </Button>
        </div>
      )}
    </article>
  )
}
