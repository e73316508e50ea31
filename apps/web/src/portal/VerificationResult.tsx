import type { NetworkInfo } from '../api/types.js'
import { Alert, DataList, Hash } from '../components/ui.js'
import { formatList, formatTime, type MessageKey, t } from '../i18n/index.js'
import type { VerificationOutcome } from '../lib/verify.js'
import { memberName } from './members.js'

const REASONS: Record<string, MessageKey> = {
  RECEIPT_MALFORMED: 'reason.RECEIPT_MALFORMED',
  INVALID_PROOF: 'reason.INVALID_PROOF',
  TREE_SIZE_MISMATCH: 'reason.TREE_SIZE_MISMATCH',
  INVALID_TREE_SIZE: 'reason.INVALID_TREE_SIZE',
  INVALID_HASH: 'reason.INVALID_HASH',
  INVALID_NOTE: 'reason.INVALID_NOTE',
  INVALID_CHECKPOINT: 'reason.INVALID_CHECKPOINT',
  NOTE_SIGNATURE_INVALID: 'reason.CHECKPOINT_SIGNATURE_INVALID',
  CHECKPOINT_SIGNATURE_MISSING: 'reason.CHECKPOINT_SIGNATURE_MISSING',
  CHECKPOINT_SIGNATURE_INVALID: 'reason.CHECKPOINT_SIGNATURE_INVALID',
  UNKNOWN_KEY: 'reason.UNKNOWN_KEY',
  COSIGNATURE_INVALID: 'reason.COSIGNATURE_INVALID',
  WITNESS_QUORUM_NOT_MET: 'reason.WITNESS_QUORUM_NOT_MET',
  ORIGIN_MISMATCH: 'reason.ORIGIN_MISMATCH',
  INVALID_ENCODING: 'reason.INVALID_ENCODING',
  INVALID_JSON: 'reason.RECEIPT_MALFORMED',
  BAD_LINK: 'reason.BAD_LINK',
  LEAF_NOT_ENTRY: 'reason.LEAF_NOT_ENTRY',
  TXID_MISMATCH: 'reason.TXID_MISMATCH',
  TX_SIGNATURE_INVALID: 'reason.TX_SIGNATURE_INVALID',
}

/** The plain-language reason for a verification failure code. */
export function reasonOf(code: string): string {
  const key = REASONS[code]
  return key ? t(key) : t('reason.other')
}

/** The outcome of a verification, as one clear sentence and its details. */
export function VerificationResult({
  outcome,
  network,
  compact = false,
}: {
  outcome: VerificationOutcome
  network: NetworkInfo
  /** Only the sentence, when the page shows the details already. */
  compact?: boolean
}) {
  if (!outcome.ok) {
    return (
      <div class="tab-result tab-result--invalid" data-testid="verify-result" data-valid="false">
        <Alert type="error">
          <p class="tab-result__sentence">
            <strong>{t('verify.invalid')}</strong> {reasonOf(outcome.code)}
          </p>
          <details>
            <summary>{t('verify.technical')}</summary>
            <p>
              <code>{outcome.code}</code>: {outcome.detail}
            </p>
          </details>
        </Alert>
      </div>
    )
  }
  const { receipt, entry, cosignedBy, loggedBy } = outcome
  const sentence = t('verify.valid', {
    index: receipt.index,
    size: receipt.treeSize,
    network: network.network,
    loggers: loggedBy.length ? formatList(loggedBy) : t('verify.theNode'),
    cosigners: cosignedBy.length ? formatList(cosignedBy) : t('verify.nobody'),
  })
  const signer = entry ? (memberName(entry.tx.signer, network) ?? entry.tx.signer) : undefined
  const hash = entry?.tx.args.hash
  return (
    <div class="tab-result tab-result--valid" data-testid="verify-result" data-valid="true">
      <Alert type="ok">
        <p class="tab-result__sentence">
          <strong>{t('verify.validTitle')}</strong> {sentence}
        </p>
      </Alert>
      {entry && !compact && (
        <DataList
          items={[
            [t('entry.what'), `${entry.tx.module} · ${entry.tx.action}`],
            [t('entry.signer'), signer ?? '—'],
            [t('entry.time'), formatTime(entry.time)],
            [
              t('entry.outcome'),
              entry.outcome.status === 'accepted'
                ? t('entry.accepted')
                : t('entry.rejected', { code: entry.outcome.code }),
            ],
            ...(typeof hash === 'string' ? ([[t('verify.documentHash'), <Hash value={hash} full />]] as const) : []),
            [t('entry.txid'), <Hash value={receipt.txid} full />],
          ]}
        />
      )}
    </div>
  )
}
