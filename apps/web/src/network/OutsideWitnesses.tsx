import type { NetworkInfo } from '../api/types.js'
import { Card } from '../components/ui.js'
import type { OutsideWitness } from './api.js'
import { checkWitness } from './checkWitness.js'
import { CosignatureMark } from './FinalCheckpointTable.js'
import { tn } from './i18n/tn.js'
import { webUrl } from './memberRows.js'
import { formatAgo, msSince } from './relativeTime.js'
import { TableHead } from './TableHead.js'

function WitnessRow({ witness, network, now }: { witness: OutsideWitness; network: NetworkInfo; now: number }) {
  const url = webUrl(witness.url)
  return (
    <tr class="utrecht-table__row">
      <th class="utrecht-table__header-cell" scope="row">
        {witness.name}
        {url && (
          <span class="tab-network__detail">
            <a href={url}>{url}</a>
          </span>
        )}
      </th>
      <td class="utrecht-table__cell" data-label={tn('witnesses.cosigned')}>
        <div class="tab-cell">
          {witness.cosignedSize === null ? tn('witnesses.none') : tn('final.entries', { size: witness.cosignedSize })}
          {witness.cosignedAt && <span class="tab-network__detail">{formatAgo(msSince(witness.cosignedAt, now))}</span>}
        </div>
      </td>
      <td class="utrecht-table__cell" data-label={tn('witnesses.signature')}>
        <div class="tab-cell">
          <CosignatureMark cosignature={{ state: checkWitness(witness, network), claimed: false }} />
        </div>
      </td>
      <td class="utrecht-table__cell" data-label={tn('witnesses.error')}>
        <div class="tab-cell">
          {witness.lastError ? `${witness.lastError.code}: ${witness.lastError.message}` : tn('witnesses.noError')}
        </div>
      </td>
    </tr>
  )
}

/** The outside witnesses this node pushes to, and their latest cosignature of its checkpoints. */
export function OutsideWitnesses({
  witnesses,
  network,
  now,
}: {
  witnesses: OutsideWitness[]
  network: NetworkInfo
  now: number
}) {
  return (
    <Card title={tn('witnesses.heading')} id="witnesses-heading">
      <p>{tn('witnesses.intro')}</p>
      <div class="tab-table-wrap">
        <table class="utrecht-table utrecht-table--html-table tab-responsive" id="outside-witnesses">
          <caption class="tab-visually-hidden">{tn('witnesses.caption')}</caption>
          <TableHead
            labels={(
              ['witnesses.witness', 'witnesses.cosigned', 'witnesses.signature', 'witnesses.error'] as const
            ).map((key) => tn(key))}
          />
          <tbody class="utrecht-table__body">
            {witnesses.map((w) => (
              <WitnessRow witness={w} network={network} now={now} key={w.key} />
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  )
}
