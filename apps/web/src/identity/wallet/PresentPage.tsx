import { useEffect, useState } from 'preact/hooks'
import { Scanner } from '../../components/Scanner.js'
import { Alert, Button, Loading, PageTitle } from '../../components/ui.js'
import type { StoredKey } from '../../lib/keys.js'
import { href, navigate, type Route } from '../../lib/router.js'
import { codeOf } from '../api.js'
import { ClaimList, claimLabel, IssuerName, typeName } from '../components.js'
import { reasonOf } from '../errors.js'
import { ti } from '../i18n/ti.js'
import { listCredentials } from './credentialStore.js'
import { type PresentationPlan, planPresentation, sendPresentation } from './presentation.js'

type Step = 'idle' | 'loading' | 'consent' | 'sending' | 'sent' | 'declined' | 'error'

/**
 * Show a credential to a service (OpenID4VP): open the service's request
 * (link or QR code), see exactly which claims would be shared and which are
 * kept, consent, and send a presentation with only those disclosures.
 */
export function PresentPage({ walletKey, route }: { walletKey: StoredKey; route: Route }) {
  const link = route.params.get('request') ?? ''
  const [step, setStep] = useState<Step>(link ? 'loading' : 'idle')
  const [plan, setPlan] = useState<PresentationPlan | undefined>(undefined)
  const [problem, setProblem] = useState<string | undefined>(undefined)
  useEffect(() => {
    if (!link) return
    setStep('loading')
    setProblem(undefined)
    listCredentials()
      .then((credentials) => planPresentation(link, credentials))
      .then(
        (p) => {
          setPlan(p)
          setStep('consent')
        },
        (error) => {
          setProblem(reasonOf(codeOf(error), (error as Error).message))
          setStep('error')
        },
      )
  }, [link])
  const share = async () => {
    if (!plan) return
    setStep('sending')
    try {
      await sendPresentation({ plan, walletKey })
      setStep('sent')
    } catch (error) {
      setProblem(reasonOf(codeOf(error), (error as Error).message))
      setStep('error')
    }
  }
  return (
    <div class="tab-stack tab-narrow">
      <PageTitle title={ti('present.title')}>{ti('present.title')}</PageTitle>
      <p>
        <a href={href('/wallet')}>{ti('common.backToWallet')}</a>
      </p>
      {step === 'idle' && (
        <>
          <p class="utrecht-paragraph utrecht-paragraph--lead">{ti('present.intro')}</p>
          <Scanner
            id="present"
            manualLabel={ti('present.linkLabel')}
            onResult={(text) => navigate(`/wallet/present?request=${encodeURIComponent(text.trim())}`)}
          />
        </>
      )}
      {step === 'loading' && <Loading />}
      {(step === 'consent' || step === 'sending') && plan && (
        <Consent plan={plan} busy={step === 'sending'} onShare={share} onDecline={() => setStep('declined')} />
      )}
      <div aria-live="polite">
        {step === 'sent' && (
          <Alert type="ok">
            <p id="present-done">{ti('present.done')}</p>
            <p>
              <a href={href('/wallet')}>{ti('common.backToWallet')}</a>
            </p>
          </Alert>
        )}
        {step === 'declined' && (
          <Alert type="info">
            <p>{ti('present.declined')}</p>
          </Alert>
        )}
        {step === 'error' && problem && <Alert type="error">{problem}</Alert>}
      </div>
    </div>
  )
}

function serviceName(plan: PresentationPlan): string {
  try {
    return new URL(plan.request.client_id).host
  } catch {
    return plan.request.client_id
  }
}

function Consent(p: { plan: PresentationPlan; busy: boolean; onShare: () => void; onDecline: () => void }) {
  const { plan } = p
  const purpose =
    plan.request.presentation_definition.purpose ?? plan.request.presentation_definition.input_descriptors[0]?.purpose
  if (!plan.credential || !plan.view) {
    return (
      <Alert type="warning">
        <p>{ti('present.noMatch', { service: serviceName(plan) })}</p>
        <p>
          <a href={href('/wallet/residency')}>{ti('wallet.task.residency')}</a>
        </p>
      </Alert>
    )
  }
  return (
    <section class="tab-card tab-consent" aria-labelledby="consent-title">
      <h2 class="utrecht-heading-2" id="consent-title">
        {ti('present.asks', { service: serviceName(plan) })}
      </h2>
      {purpose && <p>{ti('present.purpose', { purpose })}</p>}
      <p>
        {ti('present.from', { type: typeName(plan.view.type) })} <IssuerName did={plan.view.issuer} />
      </p>
      <h3 class="utrecht-heading-3">{ti('present.shared')}</h3>
      <div id="present-shared">
        <ClaimList claims={plan.shared} />
      </div>
      {plan.withheld.length > 0 ? (
        <>
          <h3 class="utrecht-heading-3">{ti('present.withheld')}</h3>
          <ul id="present-withheld">
            {plan.withheld.map((name) => (
              <li key={name}>{claimLabel(name)}</li>
            ))}
          </ul>
        </>
      ) : (
        <p class="tab-muted">{ti('present.whole')}</p>
      )}
      <p class="tab-muted">{ti('present.alsoSees')}</p>
      <div class="tab-actions">
        <Button id="present-share" onClick={p.onShare} disabled={p.busy}>
          {p.busy ? ti('common.working') : ti('present.share')}
        </Button>
        <Button appearance="secondary" onClick={p.onDecline} disabled={p.busy}>
          {ti('present.decline')}
        </Button>
      </div>
    </section>
  )
}
