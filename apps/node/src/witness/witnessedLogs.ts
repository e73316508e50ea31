import type { Genesis } from '@tabularium/protocol'
import type { WitnessConfig } from '../config/witnessConfigSchema.js'

/** The logs a witness knows: origin line → the verifier keys its checkpoints may be signed with. */
export type WitnessedLogs = ReadonlyMap<string, readonly string[]>

/**
 * The logs this node witnesses: its own network (the genesis origin and every
 * member's log key) and those of `witness.logs`. An origin named twice
 * trusts the union of its keys, so an operator can add a key to a log (a
 * member that joined later) without repeating the others.
 *
 * @example witnessedLogs({ genesis, configured: config.witness.logs }).get(genesis.origin)
 */
export function witnessedLogs({
  genesis,
  configured = [],
}: {
  genesis: Pick<Genesis, 'origin' | 'members'>
  configured?: WitnessConfig['logs']
}): WitnessedLogs {
  const logs = new Map<string, string[]>()
  const add = (origin: string, keys: readonly string[]) => {
    const known = logs.get(origin) ?? []
    logs.set(origin, [...new Set([...known, ...keys])])
  }
  add(
    genesis.origin,
    genesis.members.map((member) => member.logKey),
  )
  for (const log of configured) add(log.origin, log.keys)
  return logs
}
