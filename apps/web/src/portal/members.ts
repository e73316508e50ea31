import type { NetworkInfo } from '../api/types.js'

/** The member organisation's name for a DID, if it is a member's. */
export function memberName(did: string | undefined, network: NetworkInfo | undefined): string | undefined {
  if (!did) return undefined
  return network?.members.find((m) => m.did === did)?.name
}

/** The member organisation's name for a member id. */
export function memberNameById(id: string | null | undefined, network: NetworkInfo | undefined): string | undefined {
  if (!id) return undefined
  return network?.members.find((m) => m.id === id)?.name
}
