import type { LedgerLogger } from '../sequencer/logger.js'

/**
 * A check, run once, that warns when the node's keys are not a member's:
 * neither a genesis member's nor one governance admitted (`self` reads the
 * current members). Not fatal — an observer node may run with its own keys —
 * but nobody will count this node's cosignatures. A node that catches up
 * from a shared orderer runs it once caught up: before, it has not yet seen
 * the proposal that admitted it.
 *
 * @example const check = warnUnlessMember({ keys: sign, self: finality.self, logger }); check()
 */
export function warnUnlessMember(p: {
  keys: { logKey: string; witnessKey: string }
  self: () => { logKey: string; witnessKey: string } | undefined
  logger: LedgerLogger
}): () => void {
  let done = false
  return () => {
    if (done) return
    done = true
    const me = p.self()
    if (me?.logKey === p.keys.logKey && me.witnessKey === p.keys.witnessKey) return
    p.logger.warn(
      { logKey: p.keys.logKey },
      "the node's keys are not a member's logKey/witnessKey (in the genesis file or admitted by governance)",
    )
  }
}
