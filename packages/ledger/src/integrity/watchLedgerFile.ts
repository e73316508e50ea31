import type { CheckpointSigner } from '../checkpoints/createCheckpointSigner.js'
import type { Health } from '../finality/createHealth.js'
import type { LedgerLogger } from '../sequencer/logger.js'
import type { LedgerStore } from '../store/openLedgerStore.js'
import { type IntegrityScrubber, startIntegrityScrubber } from './startIntegrityScrubber.js'

/**
 * Starts the integrity scrubber on a node's own ledger file: an alteration
 * behind the node's back (a leaf, a tree node, a checkpoint, a state row)
 * halts the node with reason `altered` — it stops writing and cosigning, as a
 * diverged node does. Notes in the file are signed by the members' keys (its
 * own, or a snapshot source's), read when the node starts.
 *
 * @example const scrubber = watchLedgerFile({ path, store, sign, members, health, logger }); … await scrubber.stop()
 */
export function watchLedgerFile(p: {
  path: string
  store: LedgerStore
  sign: CheckpointSigner
  members: () => readonly { logKey: string; witnessKey: string }[]
  health: Health
  logger: LedgerLogger
  intervalMs?: number | undefined
}): IntegrityScrubber {
  const members = p.members()
  return startIntegrityScrubber({
    path: p.path,
    intervalMs: p.intervalMs ?? 1_000,
    noteKeys: {
      logKeys: [...new Set([...members.map((m) => m.logKey), p.sign.logKey])],
      witnessKeys: [...new Set([...members.map((m) => m.witnessKey), p.sign.witnessKey])],
    },
    expectedStateSum: (treeSize) => p.store.state.commitment?.sumAt(treeSize),
    onAltered(report) {
      p.logger.error({ alteration: report }, report.message)
      p.health.halt('altered', report.message, { ...report })
    },
    onError: (error) => p.logger.warn({ err: error }, 'an integrity pass failed; retrying'),
  })
}
