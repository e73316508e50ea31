import { useState } from 'preact/hooks'
import { Alert, Button, Card, DataList, Field, Loading, PageTitle } from '../../components/ui.js'
import { formatDate } from '../../i18n/index.js'
import { listCredentials } from '../../identity/wallet/credentialStore.js'
import type { StoredKey } from '../../lib/keys.js'
import { href, navigate } from '../../lib/router.js'
import { useAsync } from '../../lib/useAsync.js'
import { apply, type FundView, getChallenge, getFund } from '../api.js'
import { vt } from '../i18n/vt.js'
import { formatMoney } from '../money.js'
import { presentJwtVcs, presentSdJwt, summariseCredential } from '../presentation.js'
import { reasonOf } from '../submit.js'

interface Candidate {
  id: string
  credential: string
  label: string
}

/** A credential type's name for people. */
export function credentialName(types: string[]): string {
  if (types.some((t) => t === 'ResidencyCredential' || t.includes('/residency/'))) return vt('credential.residency')
  return types.filter((t) => t !== 'VerifiableCredential' && t !== 'VerifiableAttestation').join(', ')
}

async function candidatesFor(fund: FundView): Promise<Candidate[]> {
  if (fund.eligibility.kind !== 'credential') return []
  const wanted = fund.eligibility.types
  const held = await listCredentials().catch(() => [])
  return held.flatMap((c) => {
    const summary = summariseCredential(c.credential)
    if (!summary || !wanted.every((t) => summary.types.includes(t))) return []
    return [
      {
        id: c.id,
        credential: c.credential,
        label: `${credentialName(summary.types)} · ${vt('apply.received', { date: formatDate(c.receivedAt) })}`,
      },
    ]
  })
}

/**
 * Applying to a credential fund: the wallet presents a credential it holds
 * (or one pasted here), bound to the fund's challenge, sharing no claim the
 * fund does not need; the node verifies it and issues the voucher to this
 * wallet's key.
 */
export function ApplyPage({ fundId, walletKey }: { fundId: string; walletKey: StoredKey }) {
  const data = useAsync(async () => {
    const fund = await getFund(fundId)
    return { fund, candidates: await candidatesFor(fund) }
  }, [fundId])
  const [chosen, setChosen] = useState<string | undefined>(undefined)
  const [pasted, setPasted] = useState('')
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | undefined>(undefined)
  if (data.error) return <Alert type="error">{reasonOf(data.error)}</Alert>
  if (!data.data) return <Loading />
  const { fund, candidates } = data.data
  const selected = pasted.trim() || candidates.find((c) => c.id === (chosen ?? candidates[0]?.id))?.credential

  const submit = async (e: Event) => {
    e.preventDefault()
    setProblem(undefined)
    if (!selected) return setProblem(vt('apply.choose'))
    const summary = summariseCredential(selected)
    if (!summary) return setProblem(vt('apply.notCredential'))
    setBusy(true)
    try {
      const challenge = await getChallenge(fund.id)
      const units = challenge.accepts.unitsClaim
      const presentation =
        summary.format === 'sd_jwt_vc'
          ? await presentSdJwt({
              key: walletKey,
              credential: selected,
              disclose: units ? [units] : [],
              audience: challenge.audience,
              nonce: challenge.nonce,
            })
          : await presentJwtVcs({
              key: walletKey,
              credentials: [selected],
              audience: challenge.audience,
              nonce: challenge.nonce,
            })
      const { voucher } = await apply(fund.id, challenge.nonce, presentation)
      navigate(`/wallet/vouchers/${voucher.id}?new=1`)
    } catch (error) {
      setProblem(reasonOf(error))
      setBusy(false)
    }
  }

  return (
    <div class="tab-stack tab-narrow">
      <p>
        <a href={href('/wallet/vouchers')}>← {vt('wallet.title')}</a>
      </p>
      <PageTitle title={vt('apply.title', { fund: fund.name })}>{vt('apply.title', { fund: fund.name })}</PageTitle>
      <DataList
        items={[
          [vt('fund.amount'), fund.amount.kind === 'fixed' ? formatMoney(fund.amount.value) : vt('wallet.perUnit')],
          [vt('fund.period'), `${formatDate(fund.opensAt)} – ${formatDate(fund.closesAt)}`],
          [vt('apply.needs'), fund.eligibility.kind === 'credential' ? credentialName(fund.eligibility.types) : '—'],
        ]}
      />
      <Card title={vt('apply.privacyTitle')}>
        <p>{vt('apply.privacy')}</p>
      </Card>
      <form class="tab-stack" onSubmit={submit}>
        {candidates.length > 0 ? (
          <fieldset class="utrecht-form-fieldset tab-fieldset">
            <legend class="utrecht-form-fieldset__legend">{vt('apply.which')}</legend>
            {candidates.map((c, i) => (
              <label key={c.id} class="tab-choice">
                <input
                  type="radio"
                  name="credential"
                  value={c.id}
                  checked={(chosen ?? candidates[0]?.id) === c.id}
                  onChange={() => setChosen(c.id)}
                />{' '}
                {c.label}
                {i === 0 && candidates.length > 1 ? ` (${vt('apply.newest')})` : ''}
              </label>
            ))}
          </fieldset>
        ) : (
          <Alert type="info">
            <p>{vt('apply.noneHeld')}</p>
            <a href={href('/wallet')}>{vt('apply.getOne')}</a>
          </Alert>
        )}
        <details class="tab-details" open={candidates.length === 0}>
          <summary>{vt('apply.pasteTitle')}</summary>
          <Field id="apply-credential" label={vt('apply.paste')} description={vt('apply.pasteHelp')}>
            <textarea
              id="apply-credential"
              class="utrecht-textarea utrecht-textarea--html-textarea tab-code-input"
              rows={4}
              spellcheck={false}
              aria-describedby="apply-credential-description"
              value={pasted}
              onInput={(e) => setPasted((e.target as HTMLTextAreaElement).value)}
            />
          </Field>
        </details>
        <div class="tab-actions">
          <Button type="submit" id="apply-submit" disabled={busy || !selected}>
            {busy ? vt('common.working') : vt('apply.submit')}
          </Button>
        </div>
        <div aria-live="polite">{problem && <Alert type="error">{problem}</Alert>}</div>
      </form>
    </div>
  )
}
