import { useEffect, useState } from 'preact/hooks'
import { getNetwork } from '../api/client.js'
import type { NetworkInfo } from '../api/types.js'
import { FileDrop } from '../components/FileDrop.js'
import { Lazy } from '../components/Lazy.js'
import { Alert, Button, Card, Field, Loading, PageTitle } from '../components/ui.js'
import { t } from '../i18n/index.js'
import { decodeReceiptParam, receiptParamOf } from '../lib/receiptLink.js'
import type { Route } from '../lib/router.js'
import { saveReceipt } from '../lib/store.js'
import { type VerificationOutcome, verifyReceiptLocally } from '../lib/verify.js'
import { networkFromGenesis } from './genesis.js'
import { VerificationResult } from './VerificationResult.js'

const loadScanner = () => import('../components/Scanner.js').then((m) => m.Scanner)

/**
 * "Verify a receipt": paste it, upload it, open a link carrying it, or scan
 * its QR code. The check runs here, in the browser, with `@tabularium/log`
 * and the network's keys; the node is never asked whether it is valid.
 */
export function VerifyPage({ route }: { route: Route }) {
  const [text, setText] = useState('')
  const [outcome, setOutcome] = useState<VerificationOutcome | undefined>(undefined)
  const [busy, setBusy] = useState(false)
  const [scanning, setScanning] = useState(false)
  const [network, setNetwork] = useState<NetworkInfo | undefined>(undefined)
  const [custom, setCustom] = useState<NetworkInfo | undefined>(undefined)
  const [networkFailed, setNetworkFailed] = useState(false)
  const [saved, setSaved] = useState(false)
  const trust = custom ?? network

  useEffect(() => {
    getNetwork().then(setNetwork, () => setNetworkFailed(true))
  }, [])

  const verifyText = async (input: string, anchor = trust) => {
    if (!anchor) return
    setBusy(true)
    setSaved(false)
    try {
      const param = receiptParamOf(input)
      let candidate: unknown
      if (param) {
        try {
          candidate = await decodeReceiptParam(param)
        } catch {
          setOutcome({ ok: false, code: 'BAD_LINK', detail: 'the link does not decode to a receipt' })
          return
        }
      } else {
        try {
          candidate = JSON.parse(input)
        } catch {
          setOutcome({ ok: false, code: 'RECEIPT_MALFORMED', detail: 'not JSON' })
          return
        }
      }
      setOutcome(await verifyReceiptLocally(candidate, anchor))
    } finally {
      setBusy(false)
    }
  }

  // A link `#/verify?r=…` (from a receipt's QR code) verifies at once.
  const param = route.params.get('r')
  useEffect(() => {
    if (!param || !network) return
    const link = `?r=${param}`
    setText(link)
    void verifyText(link, network)
  }, [param, network])

  return (
    <div class="tab-stack">
      <PageTitle title={t('verify.title')}>{t('verify.title')}</PageTitle>
      <p class="utrecht-paragraph utrecht-paragraph--lead">{t('verify.intro')}</p>
      {networkFailed && <Alert type="error">{t('common.nodeUnreachable')}</Alert>}
      <div aria-live="polite">
        {busy && <Loading label={t('verify.checking')} />}
        {outcome && trust && !busy && (
          <>
            <VerificationResult outcome={outcome} network={trust} />
            {outcome.ok && (
              <div class="tab-actions">
                <Button
                  appearance="secondary"
                  onClick={async () => {
                    await saveReceipt(outcome.receipt)
                    setSaved(true)
                  }}
                >
                  {t('verify.saveToWallet')}
                </Button>
                {saved && <span role="status">{t('verify.saved')}</span>}
              </div>
            )}
          </>
        )}
      </div>
      <div class="tab-grid">
        <Card title={t('verify.pasteTitle')}>
          <form
            class="tab-stack"
            onSubmit={(e) => {
              e.preventDefault()
              void verifyText(text)
            }}
          >
            <Field id="receipt-text" label={t('verify.pasteLabel')} description={t('verify.pasteHelp')}>
              <textarea
                id="receipt-text"
                class="utrecht-textarea utrecht-textarea--html-textarea tab-code-input"
                rows={8}
                value={text}
                spellcheck={false}
                aria-describedby="receipt-text-description"
                onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
              />
            </Field>
            <div class="tab-actions">
              <Button type="submit" disabled={!trust || busy}>
                {t('verify.button')}
              </Button>
            </div>
          </form>
        </Card>
        <div class="tab-stack">
          <Card title={t('verify.uploadTitle')}>
            <FileDrop
              id="receipt-file"
              label={t('verify.uploadLabel')}
              accept=".json,application/json"
              onFile={async (file) => {
                const content = await file.text()
                setText(content)
                await verifyText(content)
              }}
            />
          </Card>
          <Card title={t('verify.scanTitle')}>
            {scanning ? (
              <Lazy
                load={loadScanner}
                props={{
                  id: 'verify-scan',
                  onResult: (value: string) => {
                    setScanning(false)
                    setText(value)
                    void verifyText(value)
                  },
                }}
              />
            ) : (
              <>
                <p>{t('verify.scanHelp')}</p>
                <Button appearance="secondary" onClick={() => setScanning(true)}>
                  {t('verify.scanButton')}
                </Button>
              </>
            )}
          </Card>
        </div>
      </div>
      <details class="tab-details">
        <summary>{t('verify.trustTitle')}</summary>
        <p>{t('verify.trustText', { network: trust?.network ?? '—', origin: trust?.origin ?? '—' })}</p>
        <FileDrop
          id="genesis-file"
          label={t('verify.genesisLabel')}
          accept=".json,application/json"
          onFile={async (file) => {
            try {
              setCustom(networkFromGenesis(JSON.parse(await file.text())))
            } catch {
              setCustom(undefined)
            }
          }}
        />
        {custom && <Alert type="info">{t('verify.usingGenesis', { network: custom.network })}</Alert>}
      </details>
    </div>
  )
}
