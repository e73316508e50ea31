import { Card } from '../components/ui.js'
import { formatNumber } from '../i18n/index.js'
import { tn } from './i18n/tn.js'
import type { MemberRow } from './memberRows.js'
import { haltReasonText } from './OwnHealth.js'
import { formatAgo } from './relativeTime.js'
import { StatusBadge } from './StatusBadge.js'
import { TableHead } from './TableHead.js'

/** What a status means for this member, in one sentence (none for a healthy node). */
function statusDetail(row: MemberRow): string {
  if (row.status === 'diverged') return tn('detail.diverged', { size: row.divergedAt ?? '?' })
  if (row.status === 'stopped' && row.haltReason) return haltReasonText(row.haltReason)
  if (row.status === 'silent') return tn('detail.silent')
  if (row.status === 'unknown') return tn('detail.unknown')
  return ''
}

/** How far the member is from this node, in entries. */
function lagText(lag: number): string {
  if (lag > 0) return tn('members.behind', { count: lag })
  if (lag < 0) return tn('members.ahead', { count: -lag })
  return tn('members.upToDate')
}

function MemberLine({ row }: { row: MemberRow }) {
  const detail = statusDetail(row)
  return (
    <tr class="utrecht-table__row" data-member={row.id} data-status={row.status}>
      <th class="utrecht-table__header-cell" scope="row">
        {row.name} <span class="tab-network__id">({row.id})</span>
      </th>
      <td class="utrecht-table__cell" data-label={tn('members.node')}>
        <div class="tab-cell">{row.url ? <a href={row.url}>{row.url}</a> : tn('members.noUrl')}</div>
      </td>
      <td class="utrecht-table__cell" data-label={tn('members.health')}>
        <div class="tab-cell">
          <StatusBadge status={row.status} tone={row.tone} />
          {detail && <span class="tab-network__detail">{detail}</span>}
        </div>
      </td>
      <td class="utrecht-table__cell" data-label={tn('members.treeSize')}>
        <div class="tab-cell">
          {row.treeSize === undefined ? '—' : formatNumber(row.treeSize)}
          {row.lag !== undefined && <span class="tab-network__detail">{lagText(row.lag)}</span>}
        </div>
      </td>
      <td class="utrecht-table__cell" data-label={tn('members.seen')}>
        <div class="tab-cell">
          {row.seenAgoMs !== undefined
            ? formatAgo(row.seenAgoMs)
            : row.status === 'unknown'
              ? tn('members.never')
              : '—'}
        </div>
      </td>
    </tr>
  )
}

/** The members, their nodes and each node's health as this node sees it. */
export function MemberTable({ rows }: { rows: MemberRow[] }) {
  return (
    <Card title={tn('members.heading')} id="members-heading">
      <div class="tab-table-wrap">
        <table class="utrecht-table utrecht-table--html-table tab-responsive" id="network-members">
          <caption class="tab-visually-hidden">{tn('members.caption')}</caption>
          <TableHead
            labels={(
              ['members.member', 'members.node', 'members.health', 'members.treeSize', 'members.seen'] as const
            ).map((key) => tn(key))}
          />
          <tbody class="utrecht-table__body">
            {rows.map((row) => (
              <MemberLine row={row} key={row.id} />
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  )
}
