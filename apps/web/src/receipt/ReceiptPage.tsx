import { useEffect, useState } from 'preact/hooks'
import { getNetwork } from '../api/client.js'
import type { NetworkInfo } from '../api/types.js'
import { QrCode } from '../components/QrCode.js'
import { Alert, Button, DataList, Hash, Loading, PageTitle } from '../components/ui.js'
import { formatNumber, formatTime, t } from '../i18n/index.js'
import { isNotFinal, receiptForTransaction } from '../lib/finalReceipt.js'
import type { Receipt } from '../lib/receipt.js'
import { decodeReceiptParam, receiptVerifyUrl } from '../lib/receiptLink.js'
import { href, type Route } from '../lib/router.js'
import { saveReceipt } from '../lib/store.js'
import { useAsync } from '../lib/useAsync.js'
import { entryOf, type VerificationOutcome, verifyReceiptLocally } from '../lib/verify.js'
import { memberName } from '../portal/members.js'
import { VerificationResult } from '../portal/VerificationResult.js'

/**
 * A printable receipt: what was recorded, the browser's own check of it, and
 * a QR code that opens the portal's verification with the receipt inside.
 */
export function ReceiptPage({ route }: { route: Route }) {
  const txid = route.segments[1]
  const param = route.params.get('r')
  const [waiting, setWaiting] = useState(false)
  const state = useAsync(async () => {
    if (param) return decodeReceiptParam(param)
    if (!txid) throw new Error('no receipt')
    return receiptForTransaction({ txid, onWaiting: () => setWaiting(true) })
  }, [txid, param])
  const network = useAsync(getNetwork, [])
  if (state.error && !state.loading) {
    return (
      <div class="tab-stack">
        <PageTitle title={t('receipt.title')}>{t('receipt.title')}</PageTitle>
        {isNotFinal(state.error) ? (
          <Alert type="warning">
            <p>{t('receipt.notFinalYet')}</p>
            <Button appearance="secondary" onClick={state.reload}>
              {t('receipt.tryAgain')}
            </Button>
          </Alert>
        ) : (
          <Alert type="error">{t('receipt.notFound')}</Alert>
        )}
      </div>
    )
  }
  if (!state.data || !network.data) return <Loading {...(waiting ? { label: t('receipt.waitingFinal') } : {})} />
  return <ReceiptView receipt={state.data} network={network.data} />
}

function ReceiptView({ receipt, network }: { receipt: Receipt; network: NetworkInfo }) {
  const [link, setLink] = useState<string | undefined>(undefined)
  const [outcome, setOutcome] = useState<VerificationOutcome | undefined>(undefined)
  const [saved, setSaved] = useState(false)
  useEffect(() => {
    void receiptVerifyUrl(receipt).then(setLink)
    void verifyReceiptLocally(receipt, network).then(setOutcome)
  }, [receipt, network])
  const entry = entryOf(receipt)
  const title = t('receipt.titleFor', { index: receipt.index })
  const who = entry ? (memberName(entry.tx.signer, network) ?? t('entry.someone')) : t('entry.someone')
  const hash = entry?.tx.args.hash
  const download = () => {
    const blob = new Blob([`${JSON.stringify(receipt, null, 2)}\n`], { type: 'application/json' })
    const a = document.createElement('a')
    a.href = URL.createObjectURL(blob)
    a.download = `receipt-${receipt.index}.json`
    a.click()
    setTimeout(() => URL.revokeObjectURL(a.href), 1000)
  }
  return (
    <article class="tab-receipt tab-stack">
      <PageTitle title={title}>{title}</PageTitle>
      {entry && (
        <p class="utrecht-paragraph utrecht-paragraph--lead">
          {t('receipt.sentence', {
            who,
            what: `${entry.tx.module} · ${entry.tx.action}`,
            time: formatTime(entry.time),
            index: receipt.index,
            network: network.network,
          })}
        </p>
      )}
      <div class="tab-receipt__body">
        <div class="tab-receipt__details">
          <DataList
            items={[
              [t('entry.network'), network.network],
              [t('receipt.entry'), formatNumber(receipt.index)],
              ...(entry
                ? ([
                    [t('entry.what'), `${entry.tx.module} · ${entry.tx.action}`],
                    [t('entry.signer'), who],
                    [t('entry.time'), formatTime(entry.time)],
                  ] as [string, string][])
                : []),
              ...(typeof hash === 'string' ? ([[t('verify.documentHash'), <Hash value={hash} full />]] as const) : []),
              [t('entry.txid'), <Hash value={receipt.txid} full />],
              [t('receipt.treeSize'), formatNumber(receipt.treeSize)],
            ]}
          />
          <h2 class="utrecht-heading-2 tab-receipt__check">{t('receipt.check')}</h2>
          {outcome ? (
            <VerificationResult outcome={outcome} network={network} compact />
          ) : (
            <Loading label={t('verify.checking')} />
          )}
        </div>
        <figure class="tab-receipt__qr">
          {link && <QrCode text={link} label={t('receipt.qrLabel')} />}
          <figcaption>{t('receipt.qrCaption')}</figcaption>
        </figure>
      </div>
      <div class="tab-actions tab-no-print">
        <Button onClick={() => print()}>{t('receipt.print')}</Button>
        <Button appearance="secondary" onClick={download}>
          {t('receipt.download')}
        </Button>
        {link && (
          <a class="utrecht-button-link utrecht-button-link--secondary-action" href={link} id="receipt-verify-link">
            {t('receipt.verifyLink')}
          </a>
        )}
        <Button
          appearance="subtle"
          onClick={async () => {
            await saveReceipt(receipt)
            setSaved(true)
          }}
        >
          {t('verify.saveToWallet')}
        </Button>
        {saved && <span role="status">{t('verify.saved')}</span>}
      </div>
      <p class="tab-no-print">
        <a href={href(`/entry/${receipt.index}`)}>{t('receipt.entryLink')}</a>
      </p>
    </article>
  )
}
