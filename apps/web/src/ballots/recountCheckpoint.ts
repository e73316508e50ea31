import { toBase64 } from '@tabularium/core'
import { type Checkpoint, type ReceiptTrust, verifyCheckpoint } from '@tabularium/log'

/** The checkpoint a recount is checked against, verified in this browser. */
export type TrustedCheckpoint = {
  treeSize: number
  /** Base64, as in the note. */
  rootHash: string
  rootBytes: Uint8Array
  /** True when a quorum of the members' witnesses cosigned it. */
  final: boolean
  /** Names of the witness keys that cosigned it. */
  cosigners: string[]
}

/** Why the checkpoint or the log's data could not be verified: a `@tabularium/log` code or `NODE_UNREACHABLE`. */
export class RecountVerificationError extends Error {
  override name = 'RecountVerificationError'
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

/**
 * The latest checkpoint this browser can trust, verified with the network's
 * keys (the receipts' trust): the node's signed checkpoint when a quorum of
 * witnesses already cosigned it, else the latest final one
 * (`/v1/checkpoints/final`), else — a network with no final checkpoint yet —
 * the signed one, marked not final. The node is never asked whether it is valid.
 *
 * @example const cp = await trustedCheckpoint(trustOf(network)) // { treeSize, rootHash, final, … }
 */
export async function trustedCheckpoint(trust: ReceiptTrust): Promise<TrustedCheckpoint> {
  const note = await fetchText('/tlog/checkpoint')
  if (note === undefined) throw new RecountVerificationError('NODE_UNREACHABLE', '/tlog/checkpoint: HTTP 404')
  const latest = verified(note, { ...trust, witnessQuorum: 0 })
  if (latest.cosigners.length >= trust.witnessQuorum) return { ...latest, final: true }
  const final = await fetchText('/v1/checkpoints/final')
  if (final !== undefined) return { ...verified(final, trust), final: true }
  return { ...latest, final: false }
}

function verified(note: string, trust: ReceiptTrust): Omit<TrustedCheckpoint, 'final'> {
  let result: { checkpoint: Checkpoint; cosigners: string[] }
  try {
    result = verifyCheckpoint({ note, ...trust })
  } catch (error) {
    const e = error as { code?: string; message?: string }
    throw new RecountVerificationError(e.code ?? 'INVALID_CHECKPOINT', `the checkpoint does not verify: ${e.message}`)
  }
  const { treeSize, rootHash } = result.checkpoint
  return { treeSize, rootHash: toBase64(rootHash), rootBytes: rootHash, cosigners: result.cosigners }
}

// The text of a note the node serves; undefined when it has none (404).
async function fetchText(path: string): Promise<string | undefined> {
  let response: Response
  try {
    response = await fetch(path, { headers: { accept: 'text/plain' }, cache: 'no-cache' })
  } catch (cause) {
    throw new RecountVerificationError('NODE_UNREACHABLE', `${path}: ${String(cause)}`)
  }
  if (response.status === 404) return undefined
  if (!response.ok) throw new RecountVerificationError('NODE_UNREACHABLE', `${path}: HTTP ${response.status}`)
  return response.text()
}
