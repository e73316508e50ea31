import type { NetworkInfo } from '../api/types.js'
import { Hash } from '../components/ui.js'
import { formatTime, t } from '../i18n/index.js'
import { href } from '../lib/router.js'
import { memberName, memberNameById } from './members.js'
import type { Stamp } from './notary.js'

/** The stamps of a document: when, by whom, as what, with links to entry and receipt. */
export function StampTable({ stamps, network }: { stamps: Stamp[]; network?: NetworkInfo }) {
  return (
    <div class="tab-table-wrap">
      <table class="utrecht-table utrecht-table--html-table tab-responsive">
        <caption class="utrecht-table__caption">{t('stamps.caption', { count: stamps.length })}</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="col">
              {t('stamps.time')}
            </th>
            <th class="utrecht-table__header-cell" scope="col">
              {t('stamps.by')}
            </th>
            <th class="utrecht-table__header-cell" scope="col">
              {t('stamps.type')}
            </th>
            <th class="utrecht-table__header-cell" scope="col">
              {t('stamps.links')}
            </th>
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {stamps.map((s, i) => (
            <tr class="utrecht-table__row" key={s.txid ?? i}>
              <td class="utrecht-table__cell" data-label={t('stamps.time')}>
                <div class="tab-cell">{s.time ? formatTime(s.time) : '—'}</div>
              </td>
              <td class="utrecht-table__cell" data-label={t('stamps.by')}>
                <div class="tab-cell">
                  {memberNameById(s.organisation, network) ??
                    memberName(s.signer, network) ??
                    (s.signer ? <Hash value={s.signer} /> : '—')}
                </div>
              </td>
              <td class="utrecht-table__cell" data-label={t('stamps.type')}>
                <div class="tab-cell">
                  {s.type ?? t('stamps.noType')}
                  {s.title && <span class="tab-muted"> — {s.title}</span>}
                  {s.status === 'revoked' && (
                    <>
                      {' '}
                      <span class="utrecht-status-badge tab-badge tab-badge--error">{t('stamps.revoked')}</span>
                    </>
                  )}
                </div>
              </td>
              <td class="utrecht-table__cell" data-label={t('stamps.links')}>
                <div class="tab-cell">
                  {s.index !== undefined && (
                    <a href={href(`/entry/${s.index}`)}>{t('stamps.entry', { index: s.index })}</a>
                  )}
                  {s.txid && (
                    <>
                      {s.index !== undefined && ' · '}
                      <a href={href(`/receipt/${s.txid}`)} class="tab-receipt-link">
                        {t('stamps.receipt')}
                      </a>
                    </>
                  )}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
