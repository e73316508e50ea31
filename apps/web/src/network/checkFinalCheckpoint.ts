import { toBase64 } from '@tabularium/core'
import { openNote, verifyCheckpoint } from '@tabularium/log'
import type { NetworkInfo } from '../api/types.js'
import { trustOf } from '../lib/verify.js'
import type { FinalCheckpoint } from './api.js'

/** What this browser found of one key's signature on a note. */
export type SignatureState = 'verified' | 'invalid' | 'absent'

/** One member's cosignature on a final checkpoint, as checked here. */
export interface MemberCosignature {
  id: string
  name: string
  state: SignatureState
  /** The node lists the member among the cosigners (a claim; `state` is what the note proves). */
  claimed: boolean
}

/** A final checkpoint checked in this browser against the genesis keys. */
export interface CheckedCheckpoint {
  treeSize: number
  time: string
  /** The node's log signature verifies, for the genesis origin, and the note's size and root are the ones listed. */
  logSignature: 'verified' | 'invalid'
  /** Why the log signature was refused: a `@tabularium/log` code, or `CHECKPOINT_MISMATCH`. */
  problem?: string
  members: MemberCosignature[]
  /** Members whose cosignature verified. */
  verified: number
  quorum: number
  /** A verified log signature and at least `quorum` verified member cosignatures. */
  final: boolean
}

/**
 * Checks a final checkpoint the node lists, trusting only the genesis: the
 * log signature (`verifyCheckpoint` with the members' log keys and origin),
 * then each member's witness cosignature on its own, so that the page can
 * mark every cosignature verified or not. The node's list of cosigners is
 * never believed, only compared.
 *
 * @example checkFinalCheckpoint({ checkpoint, network }).members[0] // { name: 'Organisation 1', state: 'verified', … }
 */
export function checkFinalCheckpoint({
  checkpoint,
  network,
}: {
  checkpoint: FinalCheckpoint
  network: NetworkInfo
}): CheckedCheckpoint {
  const problem = logSignatureProblem(checkpoint, network)
  const members = network.members.map((m) => ({
    id: m.id,
    name: m.name,
    state: signatureState(checkpoint.note, m.witnessKey),
    claimed: checkpoint.cosigners.includes(m.id),
  }))
  const verified = members.filter((m) => m.state === 'verified').length
  const checked: CheckedCheckpoint = {
    treeSize: checkpoint.treeSize,
    time: checkpoint.time,
    logSignature: problem === undefined ? 'verified' : 'invalid',
    members,
    verified,
    quorum: network.witnessQuorum,
    final: problem === undefined && verified >= network.witnessQuorum,
  }
  if (problem !== undefined) checked.problem = problem
  return checked
}

/**
 * The code of what is wrong with a checkpoint note's log signature (by a
 * genesis log key, for the genesis origin, of the size and root the node
 * lists), or undefined when it verifies.
 *
 * @example logSignatureProblem({ note, treeSize: 7 }, network) // undefined
 */
export function logSignatureProblem(
  listed: { note: string; treeSize: number; rootHash?: string },
  network: NetworkInfo,
): string | undefined {
  const { origin, logKeys } = trustOf(network)
  try {
    // No witness keys here: cosignatures are checked one by one in signatureState.
    const { checkpoint } = verifyCheckpoint({ note: listed.note, origin, logKeys, witnessKeys: [], witnessQuorum: 0 })
    const sameRoot = listed.rootHash === undefined || toBase64(checkpoint.rootHash) === listed.rootHash
    return checkpoint.treeSize === listed.treeSize && sameRoot ? undefined : 'CHECKPOINT_MISMATCH'
  } catch (error) {
    return codeOf(error)
  }
}

/**
 * Whether `note` carries a valid signature by `verifierKey` (a C2SP verifier
 * key; a cosignature key checks the tlog-cosignature over the note text).
 *
 * @example signatureState(note, member.witnessKey) // 'verified'
 */
export function signatureState(note: string, verifierKey: string): SignatureState {
  try {
    openNote({ note, verifiers: [verifierKey] })
    return 'verified'
  } catch (error) {
    return codeOf(error) === 'UNKNOWN_KEY' ? 'absent' : 'invalid'
  }
}

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : 'INVALID_NOTE'
}
