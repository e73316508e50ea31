import type { Ledger, MemberView } from '@tabularium/ledger'
import type { MetricFamily } from './formatPrometheus.js'

const MEMBER_STATUSES: readonly MemberView['status'][] = ['self', 'stopped', 'ok', 'silent', 'diverged', 'unknown']

/**
 * The network's metrics: this node's health (the divergence alarm), the
 * latest final tree size, and each member's node as seen from here.
 *
 * @example networkFamilies(ledger).map((f) => f.name) // ['tabularium_node_stopped', …]
 */
export function networkFamilies(ledger: Ledger): MetricFamily[] {
  const health = ledger.health()
  const stats = ledger.stats()
  const members = ledger.members()
  return [
    {
      name: 'tabularium_node_stopped',
      help: 'Set to 1 when this node stopped writing (diverged from the quorum, file altered, block failed to commit).',
      type: 'gauge',
      samples: [
        { labels: { reason: health.status === 'ok' ? 'none' : health.reason }, value: health.status === 'ok' ? 0 : 1 },
      ],
    },
    {
      name: 'tabularium_final_tree_size',
      help: 'Size of the latest checkpoint cosigned by a quorum of members.',
      type: 'gauge',
      samples: [{ labels: { orderer: stats.orderer }, value: stats.finalTreeSize }],
    },
    {
      name: 'tabularium_member_tree_size',
      help: "The largest tree size each member's node cosigned, as seen from this node.",
      type: 'gauge',
      samples: members.flatMap((m) =>
        m.treeSize === undefined ? [] : [{ labels: { member: m.id }, value: m.treeSize }],
      ),
    },
    {
      name: 'tabularium_member_status',
      help: "1 for the status each member's node is in, as seen from this node.",
      type: 'gauge',
      samples: members.flatMap((m) =>
        MEMBER_STATUSES.map((status) => ({ labels: { member: m.id, status }, value: m.status === status ? 1 : 0 })),
      ),
    },
  ]
}
