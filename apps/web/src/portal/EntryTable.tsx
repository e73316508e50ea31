import type { EntryRow, NetworkInfo } from '../api/types.js'
import { Hash } from '../components/ui.js'
import { formatTime, t } from '../i18n/index.js'
import { href } from '../lib/router.js'
import { memberName } from './members.js'

/** A table of log entries: position, time, what, who, outcome. */
export function EntryTable({ rows, network, caption }: { rows: EntryRow[]; network?: NetworkInfo; caption: string }) {
  return (
    <div class="tab-table-wrap">
      <table class="utrecht-table utrecht-table--html-table tab-responsive tab-entries">
        <caption class="utrecht-table__caption">{caption}</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="col">
              {t('entry.index')}
            </th>
            <th class="utrecht-table__header-cell" scope="col">
              {t('entry.time')}
            </th>
            <th class="utrecht-table__header-cell" scope="col">
              {t('entry.what')}
            </th>
            <th class="utrecht-table__header-cell" scope="col">
              {t('entry.signer')}
            </th>
            <th class="utrecht-table__header-cell" scope="col">
              {t('entry.outcome')}
            </th>
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {rows.map(({ index, entry }) => (
            <tr class="utrecht-table__row" key={index}>
              <td class="utrecht-table__cell utrecht-table__cell--numeric-column" data-label={t('entry.index')}>
                <div class="tab-cell">
                  <a href={href(`/entry/${index}`)} aria-label={t('entry.open', { index })}>
                    {index}
                  </a>
                </div>
              </td>
              <td class="utrecht-table__cell" data-label={t('entry.time')}>
                <div class="tab-cell">{formatTime(entry.time)}</div>
              </td>
              <td class="utrecht-table__cell" data-label={t('entry.what')}>
                <div class="tab-cell">
                  <span class="tab-module">{entry.tx.module}</span> · {entry.tx.action}
                </div>
              </td>
              <td class="utrecht-table__cell" data-label={t('entry.signer')}>
                <div class="tab-cell">{memberName(entry.tx.signer, network) ?? <Hash value={entry.tx.signer} />}</div>
              </td>
              <td class="utrecht-table__cell" data-label={t('entry.outcome')}>
                <div class="tab-cell">
                  <OutcomeBadge outcome={entry.outcome} />
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** Accepted or rejected, as a status badge with text (not colour alone). */
export function OutcomeBadge({ outcome }: { outcome: EntryRow['entry']['outcome'] }) {
  return outcome.status === 'accepted' ? (
    <span class="utrecht-status-badge tab-badge tab-badge--ok">{t('entry.accepted')}</span>
  ) : (
    <span class="utrecht-status-badge tab-badge tab-badge--error" title={outcome.message}>
      {t('entry.rejected', { code: outcome.code })}
    </span>
  )
}
