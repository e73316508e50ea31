import { checkBallotReceipt } from '@tabularium/module-ballots/client'
import { getNetwork } from '../api/client.js'
import { trustOf } from '../lib/verify.js'
import { recountInBrowser } from './recount.js'
import type { CastVote } from './store.js'

/** What a voter's check found. */
export type CheckReceiptOutcome =
  | { status: 'counted' | 'replaced' | 'not-counted' }
  | { status: 'invalid'; message: string }

/**
 * "Is my ballot counted, unchanged?": verifies the receipt in this browser
 * against the network's keys (Merkle inclusion under a cosigned checkpoint),
 * recounts the ballot from the log, and finds this very entry, with the
 * same encrypted answers, among the ballots counted.
 */
export async function checkMyBallot(vote: CastVote): Promise<CheckReceiptOutcome> {
  try {
    const [network, recount] = await Promise.all([getNetwork(), recountInBrowser(vote.process)])
    return { status: checkBallotReceipt({ receipt: vote.receipt, trust: trustOf(network), recount }).status }
  } catch (error) {
    return { status: 'invalid', message: error instanceof Error ? error.message : String(error) }
  }
}
