import type { CheckpointInfo, NetworkInfo } from '../api/types.js'
import { DataList, Hash } from '../components/ui.js'
import { formatNumber, formatTime, t } from '../i18n/index.js'
import { parseCheckpointNote, parseVerifierKey } from '../lib/note.js'

/** Who a signature line belongs to, from the genesis keys. */
export function describeSigner(name: string, keyId: string, network: NetworkInfo | undefined): string {
  for (const m of network?.members ?? []) {
    const log = parseVerifierKey(m.logKey)
    const witness = parseVerifierKey(m.witnessKey)
    if (log.name === name && log.keyId === keyId) return t('checkpoint.logOf', { name: m.name })
    if (witness.name === name && witness.keyId === keyId) return t('checkpoint.witnessOf', { name: m.name })
  }
  return t('checkpoint.unknownKey', { name })
}

/** A checkpoint: size, root, time and a table of its signatures and cosignatures. */
export function CheckpointView({ checkpoint, network }: { checkpoint: CheckpointInfo; network?: NetworkInfo }) {
  let parsed: ReturnType<typeof parseCheckpointNote> | undefined
  try {
    parsed = parseCheckpointNote(checkpoint.note)
  } catch {
    parsed = undefined
  }
  return (
    <div>
      <DataList
        items={[
          [t('checkpoint.treeSize'), formatNumber(checkpoint.treeSize)],
          [t('checkpoint.time'), formatTime(checkpoint.time)],
          [t('checkpoint.rootHash'), <Hash value={checkpoint.rootHash} />],
          [t('checkpoint.stateDigest'), <Hash value={checkpoint.stateDigest} />],
        ]}
      />
      <div class="tab-table-wrap">
        <table class="utrecht-table utrecht-table--html-table tab-responsive">
          <caption class="utrecht-table__caption">{t('checkpoint.signatures')}</caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="col">
                {t('checkpoint.signer')}
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                {t('checkpoint.kind')}
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                {t('checkpoint.keyId')}
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                {t('checkpoint.signedAt')}
              </th>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {(parsed?.signatures ?? []).map((s) => (
              <tr class="utrecht-table__row" key={`${s.name}${s.keyId}`}>
                <td class="utrecht-table__cell" data-label={t('checkpoint.signer')}>
                  <div class="tab-cell">{describeSigner(s.name, s.keyId, network)}</div>
                </td>
                <td class="utrecht-table__cell" data-label={t('checkpoint.kind')}>
                  <div class="tab-cell">
                    {s.kind === 'cosignature' ? t('checkpoint.cosignature') : t('checkpoint.logSignature')}
                  </div>
                </td>
                <td class="utrecht-table__cell" data-label={t('checkpoint.keyId')}>
                  <div class="tab-cell">
                    <code>{s.keyId}</code>
                  </div>
                </td>
                <td class="utrecht-table__cell" data-label={t('checkpoint.signedAt')}>
                  <div class="tab-cell">
                    {s.timestamp !== undefined ? formatTime(s.timestamp * 1000) : formatTime(checkpoint.time)}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  )
}
