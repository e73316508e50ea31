import type { MetricFamily } from '../metrics/formatPrometheus.js'
import type { Witness } from './createWitness.js'
import type { WitnessPusher } from './createWitnessPusher.js'

/**
 * The witness's metric families, read at scrape time. Labels come from the
 * configuration (log origins, witness key names) and the fixed outcomes,
 * never from requests, so the series stay bounded.
 *
 * @example witnessMetricFamilies({ witness, pusher }).map((f) => f.name)
 */
export function witnessMetricFamilies({
  witness,
  pusher,
}: {
  witness?: Witness | undefined
  pusher?: WitnessPusher | undefined
}): MetricFamily[] {
  const outside = pusher?.status() ?? []
  const families: MetricFamily[] = [
    {
      name: 'tabularium_outside_witness_cosigned_tree_size',
      help: "Tree size of this node's latest checkpoint cosigned by each outside witness.",
      type: 'gauge',
      samples: outside.flatMap((w) =>
        w.cosignedSize === null ? [] : [{ labels: { witness: w.name }, value: w.cosignedSize }],
      ),
    },
    {
      name: 'tabularium_outside_witness_push_failures_total',
      help: 'Pushes of a checkpoint to an outside witness that failed.',
      type: 'counter',
      samples: outside.map((w) => ({ labels: { witness: w.name }, value: w.failures })),
    },
  ]
  if (witness === undefined) return families
  return [
    ...families,
    {
      name: 'tabularium_witness_requests_total',
      help: 'add-checkpoint requests this node answered as a witness, by outcome.',
      type: 'counter',
      samples: Object.entries(witness.counts()).map(([outcome, value]) => ({ labels: { outcome }, value })),
    },
    {
      name: 'tabularium_witnessed_tree_size',
      help: 'Latest tree size this node cosigned as a witness, by log origin.',
      type: 'gauge',
      samples: witness.witnessed().map((log) => ({ labels: { origin: log.origin }, value: log.treeSize })),
    },
  ]
}
