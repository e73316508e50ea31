import { useState } from 'preact/hooks'
import type { NetworkInfo, SubmitResult } from '../api/types.js'
import { FileDrop } from '../components/FileDrop.js'
import { Alert, Button, Field, Hash, PageTitle } from '../components/ui.js'
import { t } from '../i18n/index.js'
import { needsFinalReceipt } from '../lib/finalReceipt.js'
import { hashFile } from '../lib/hashFile.js'
import type { StoredKey } from '../lib/keys.js'
import { href } from '../lib/router.js'
import { saveReceipt } from '../lib/store.js'
import { reasonForCode } from './errors.js'
import { signAndSubmit } from './submit.js'

type Step = 'idle' | 'hashing' | 'ready' | 'signing' | 'done' | 'error'

/** Stamp a document: hash it here, sign the notary `stamp` transaction here, submit, show the receipt. */
export function StampPage({ keyInfo, network }: { keyInfo: StoredKey; network: NetworkInfo }) {
  const [step, setStep] = useState<Step>('idle')
  const [hash, setHash] = useState<string | undefined>(undefined)
  const [fileName, setFileName] = useState('')
  const [docType, setDocType] = useState('')
  const [title, setTitle] = useState('')
  const [result, setResult] = useState<SubmitResult | undefined>(undefined)
  const [problem, setProblem] = useState<string | undefined>(undefined)

  const onFile = async (file: File) => {
    setStep('hashing')
    setResult(undefined)
    setFileName(file.name)
    setHash(await hashFile(file))
    setStep('ready')
  }

  const stamp = async (e: Event) => {
    e.preventDefault()
    if (!hash) return
    setStep('signing')
    setProblem(undefined)
    try {
      const args: Record<string, unknown> = { hash }
      if (docType.trim()) args.docType = docType.trim()
      if (title.trim()) args.title = title.trim()
      // A receipt must meet the genesis quorum: with more than one member, wait for their cosignatures.
      const r = await signAndSubmit({
        key: keyInfo,
        network: network.network,
        module: 'notary',
        action: 'stamp',
        args,
        final: needsFinalReceipt(network),
      })
      setResult(r)
      if (r.ok && r.receipt && r.final !== false) await saveReceipt(r.receipt, fileName)
      setStep(r.ok && r.outcome.status === 'accepted' ? 'done' : 'error')
      if (!r.ok) setProblem(reasonForCode(r.error.code, r.error.message))
      else if (r.outcome.status === 'rejected') setProblem(reasonForCode(r.outcome.code, r.outcome.message))
    } catch (error) {
      const e2 = error as { code?: string; message?: string }
      setProblem(reasonForCode(e2.code ?? 'NETWORK', e2.message ?? ''))
      setStep('error')
    }
  }

  return (
    <div class="tab-stack tab-narrow">
      <PageTitle title={t('stamp.title')}>{t('stamp.title')}</PageTitle>
      <p class="utrecht-paragraph utrecht-paragraph--lead">{t('stamp.intro')}</p>
      <FileDrop id="stamp-file" label={t('stamp.choose')} onFile={onFile} />
      {hash && (
        <form class="tab-stack" onSubmit={stamp}>
          <p class="tab-hashline">
            {t('document.fingerprint')} <Hash value={hash} full />
          </p>
          <Field id="stamp-type" label={t('stamp.type')} description={t('stamp.typeHelp')}>
            <input
              id="stamp-type"
              class="utrecht-textbox utrecht-textbox--html-input"
              value={docType}
              maxLength={64}
              pattern="[A-Za-z0-9][A-Za-z0-9._:\-]{0,63}"
              aria-describedby="stamp-type-description"
              onInput={(e) => setDocType((e.target as HTMLInputElement).value)}
            />
          </Field>
          <Field id="stamp-title" label={t('stamp.titleLabel')} description={t('stamp.titleHelp')}>
            <input
              id="stamp-title"
              class="utrecht-textbox utrecht-textbox--html-input"
              value={title}
              maxLength={200}
              aria-describedby="stamp-title-description"
              onInput={(e) => setTitle((e.target as HTMLInputElement).value)}
            />
          </Field>
          <div class="tab-actions">
            <Button type="submit" disabled={step === 'signing'}>
              {step === 'signing' ? t('stamp.signing') : t('stamp.button')}
            </Button>
          </div>
        </form>
      )}
      <div aria-live="polite">
        {step === 'signing' && needsFinalReceipt(network) && <p class="tab-loading">{t('receipt.waitingFinal')}</p>}
        {step === 'done' && result?.ok && (
          <Alert type={result.final === false ? 'warning' : 'ok'}>
            <p id="stamp-result">{t('stamp.done', { index: result.index })}</p>
            {result.final === false && <p>{t('receipt.notFinalYet')}</p>}
            <p>
              <a href={href(`/receipt/${result.txid}`)} id="stamp-receipt-link">
                {t('stamp.receiptLink')}
              </a>
            </p>
          </Alert>
        )}
        {step === 'error' && problem && <Alert type="error">{problem}</Alert>}
      </div>
    </div>
  )
}
