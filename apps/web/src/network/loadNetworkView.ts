import { getNetwork } from '../api/client.js'
import type { NetworkInfo } from '../api/types.js'
import {
  type FinalCheckpoint,
  getFinalHistory,
  getNetworkStatus,
  getOutsideWitnesses,
  type NetworkStatus,
  type OutsideWitness,
} from './api.js'

/** How many final checkpoints the page lists. */
export const HISTORY_LIMIT = 10

/** Everything the network page shows from one round of requests, and when it was fetched. */
export interface NetworkView {
  /** The genesis summary: the trust anchor of every check on the page. */
  network: NetworkInfo
  status: NetworkStatus
  finals: FinalCheckpoint[]
  witnesses: OutsideWitness[]
  /** When the answers came (the page's "now" for relative times). */
  at: number
}

/**
 * The genesis summary (cached once fetched), this node's status, its latest
 * final checkpoints and its outside witnesses, fetched together.
 *
 * @example const view = await loadNetworkView()
 */
export async function loadNetworkView({ now = Date.now }: { now?: () => number } = {}): Promise<NetworkView> {
  const [network, status, finals, witnesses] = await Promise.all([
    getNetwork(),
    getNetworkStatus(),
    getFinalHistory(HISTORY_LIMIT),
    getOutsideWitnesses(),
  ])
  return { network, status, finals, witnesses, at: now() }
}
