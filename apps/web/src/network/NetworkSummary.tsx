import type { NetworkInfo } from '../api/types.js'
import { Card, DataList } from '../components/ui.js'
import { formatList, formatNumber } from '../i18n/index.js'
import type { NetworkStatus } from './api.js'
import type { CheckedCheckpoint } from './checkFinalCheckpoint.js'
import { tn } from './i18n/tn.js'
import { formatAgo, msSince } from './relativeTime.js'

/** The orderer in words; an orderer this page does not know is shown as named. */
function ordererText(orderer: string): string {
  if (orderer === 'embedded') return tn('orderer.embedded')
  if (orderer === 'etcd') return tn('orderer.etcd')
  return orderer
}

/** The latest final checkpoint in one sentence, naming only the cosigners verified here. */
function finalText(latest: CheckedCheckpoint | undefined, now: number): string {
  if (!latest) return tn('summary.noFinal')
  if (!latest.final) return tn('summary.finalUnverified', { size: latest.treeSize })
  const names = latest.members.filter((m) => m.state === 'verified').map((m) => m.name)
  return tn('summary.finalValue', {
    size: latest.treeSize,
    names: formatList(names),
    ago: formatAgo(msSince(latest.time, now)),
  })
}

/** The network at a glance: ordering, quorum, this node's size and the latest final checkpoint. */
export function NetworkSummary({
  status,
  network,
  latest,
  now,
}: {
  status: NetworkStatus
  network: NetworkInfo
  /** The newest final checkpoint, checked in this browser. */
  latest: CheckedCheckpoint | undefined
  now: number
}) {
  const pending = status.treeSize - (latest?.treeSize ?? 0)
  return (
    <Card title={tn('summary.heading')} id="network-summary-heading">
      <DataList
        items={[
          [tn('summary.network'), status.network || network.network],
          [tn('summary.orderer'), ordererText(status.orderer)],
          [tn('summary.quorum'), tn('summary.quorumValue', { q: network.witnessQuorum, n: network.members.length })],
          [tn('summary.treeSize'), formatNumber(status.treeSize)],
          [tn('summary.final'), finalText(latest, now)],
          [tn('summary.pending'), formatNumber(Math.max(0, pending))],
        ]}
      />
    </Card>
  )
}
