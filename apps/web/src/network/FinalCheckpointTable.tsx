import type { NetworkInfo } from '../api/types.js'
import { Card } from '../components/ui.js'
import { formatTime } from '../i18n/index.js'
import type { CheckedCheckpoint, MemberCosignature } from './checkFinalCheckpoint.js'
import { type NetworkKey, tn } from './i18n/tn.js'
import { TableHead } from './TableHead.js'

const MARKS: Record<MemberCosignature['state'], [string, NetworkKey]> = {
  verified: ['✓', 'cosig.verified'],
  invalid: ['✗', 'cosig.invalid'],
  absent: ['—', 'cosig.absent'],
}

/** One member's cosignature: icon and words (verified, does not verify, not cosigned, or claimed without one). */
export function CosignatureMark({ cosignature }: { cosignature: Pick<MemberCosignature, 'state' | 'claimed'> }) {
  const missing = cosignature.state === 'absent' && cosignature.claimed
  const [icon, key] = missing ? (['!', 'cosig.missing'] as const) : MARKS[cosignature.state]
  return (
    <span class={`tab-cosig tab-cosig--${missing ? 'missing' : cosignature.state}`}>
      <span aria-hidden="true">{icon}</span> {tn(key)}
    </span>
  )
}

function QuorumCell({ checked }: { checked: CheckedCheckpoint }) {
  if (checked.logSignature === 'invalid') return <CosignatureMark cosignature={{ state: 'invalid', claimed: true }} />
  const key = checked.final ? 'final.quorumMet' : 'final.quorumNotMet'
  return (
    <span class={`tab-cosig tab-cosig--${checked.final ? 'verified' : 'invalid'}`}>
      <span aria-hidden="true">{checked.final ? '✓' : '✗'}</span>{' '}
      {tn(key, { count: checked.verified, q: checked.quorum })}
    </span>
  )
}

function CheckpointRow({ checked }: { checked: CheckedCheckpoint }) {
  return (
    <tr class="utrecht-table__row" data-tree-size={checked.treeSize}>
      <th class="utrecht-table__header-cell" scope="row">
        {tn('final.entries', { size: checked.treeSize })}
        <span class="tab-network__detail">{formatTime(checked.time)}</span>
        {checked.logSignature === 'invalid' && <span class="tab-network__detail">{tn('final.logInvalid')}</span>}
      </th>
      {checked.members.map((m) => (
        <td class="utrecht-table__cell" data-label={m.name} data-member={m.id} key={m.id}>
          <div class="tab-cell">
            <CosignatureMark cosignature={m} />
          </div>
        </td>
      ))}
      <td class="utrecht-table__cell" data-label={tn('final.quorum')}>
        <div class="tab-cell">
          <QuorumCell checked={checked} />
        </div>
      </td>
    </tr>
  )
}

/** Recent final checkpoints as a member × checkpoint matrix of cosignatures verified in this browser. */
export function FinalCheckpointTable({ checked, network }: { checked: CheckedCheckpoint[]; network: NetworkInfo }) {
  return (
    <Card title={tn('final.heading')} id="final-heading">
      <p>{tn('final.intro', { q: network.witnessQuorum, n: network.members.length })}</p>
      {checked.length === 0 ? (
        <p class="tab-empty">{tn('final.none')}</p>
      ) : (
        <div class="tab-table-wrap">
          <table class="utrecht-table utrecht-table--html-table tab-responsive" id="final-checkpoints">
            <caption class="tab-visually-hidden">{tn('final.caption')}</caption>
            <TableHead labels={[tn('final.checkpoint'), ...network.members.map((m) => m.name), tn('final.quorum')]} />
            <tbody class="utrecht-table__body">
              {checked.map((c) => (
                <CheckpointRow checked={c} key={c.treeSize} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  )
}
