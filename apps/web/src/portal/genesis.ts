import type { MemberInfo, NetworkInfo } from '../api/types.js'

/** The trust anchor from a genesis file the user provides (verification independent of this node). */
export function networkFromGenesis(value: unknown): NetworkInfo {
  const g = value as Record<string, unknown>
  if (!g || typeof g !== 'object' || typeof g.origin !== 'string' || !Array.isArray(g.members)) {
    throw new Error('not a genesis file')
  }
  return {
    network: String(g.network ?? ''),
    origin: g.origin,
    members: g.members as MemberInfo[],
    witnessQuorum: Number(g.witnessQuorum ?? 1),
    governanceThreshold: Number(g.governanceThreshold ?? 1),
  }
}
