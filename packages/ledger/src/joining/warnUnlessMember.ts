import type { LedgerLogger } from '../sequencer/logger.js'

/**
 * A check, run once, that warns when the node's keys are not a member's:
 * neither a genesis member's nor one governance admitted (`members` reads
 * the current ones). Not fatal — an observer node may run with its own keys —
 * but nobody will count this node's cosignatures. A node that catches up
 * from a shared orderer runs it once caught up: before, it has not yet seen
 * the proposal that admitted it.
 *
 * @example const check = warnUnlessMember({ keys: sign, members: () => membersOf(p).members, logger }); check()
 */
export function warnUnlessMember(p: {
  keys: { logKey: string; witnessKey: string }
  members: () => readonly { logKey: string; witnessKey: string }[]
  logger: LedgerLogger
}): () => void {
  let done = false
  return () => {
    if (done) return
    done = true
    if (p.members().some((m) => m.logKey === p.keys.logKey && m.witnessKey === p.keys.witnessKey)) return
    p.logger.warn(
      { logKey: p.keys.logKey },
      "the node's keys are not a member's logKey/witnessKey (in the genesis file or admitted by governance)",
    )
  }
}
