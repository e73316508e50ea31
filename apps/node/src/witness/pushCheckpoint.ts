import { equalBytes, fromBase64, toBase64 } from '@tabularium/core'
import type { CheckpointRecord } from '@tabularium/ledger'
import {
  addCheckpoint,
  addNoteSignatures,
  LogError,
  type NoteVerifierKey,
  parseVerifierKey,
  verifyCheckpoint,
} from '@tabularium/log'

/** What this node knows of one outside witness. */
export interface OutsideWitnessState {
  url: string
  key: NoteVerifierKey & { vkey: string }
  /** The size the witness last told us it holds (from a cosignature or a 409). */
  witnessSize: number | undefined
  cosigned: { treeSize: number; rootHash: string; note: string; at: string } | undefined
  lastError: { code: string; message: string; at: string } | undefined
  cosignatures: number
  failures: number
}

/** What a push needs from the ledger and the network. */
export interface PushContext {
  checkpoint(): CheckpointRecord
  consistencyProof(from: number, to: number): Uint8Array[]
  /** The network's origin and log keys: the cosigned note must still verify under them. */
  trust: { origin: string; logKeys: string[] }
  fetch?: typeof globalThis.fetch
  signal: AbortSignal
  now: () => number
}

// One retry after a 409 is enough: the witness has told us its size.
const ATTEMPTS = 2

/**
 * A fresh state for an outside witness from its configuration.
 *
 * @example const state = outsideWitnessState({ url, key: vkey })
 */
export function outsideWitnessState({ url, key }: { url: string; key: string }): OutsideWitnessState {
  const parsed = parseVerifierKey(key)
  return {
    url,
    key: { ...parsed, vkey: key },
    witnessSize: undefined,
    cosigned: undefined,
    lastError: undefined,
    cosignatures: 0,
    failures: 0,
  }
}

/**
 * Sends the latest checkpoint to one witness (c2sp.org/tlog-witness) with a
 * consistency proof from the size it holds, learning that size from a 409
 * when unknown, and keeps its cosignature once it verifies against the
 * witness's key. Does nothing when that checkpoint is cosigned already.
 * Throws the failure (LogError) after recording it in the state.
 *
 * @example await pushCheckpoint(state, { checkpoint: () => ledger.checkpoint(), consistencyProof, trust, signal, now })
 */
export async function pushCheckpoint(state: OutsideWitnessState, context: PushContext): Promise<void> {
  const checkpoint = context.checkpoint()
  const rootHash = toBase64(checkpoint.rootHash)
  if (state.cosigned?.treeSize === checkpoint.treeSize && state.cosigned.rootHash === rootHash) return
  try {
    const signatures = await requestCosignature(state, checkpoint, context)
    const note = addNoteSignatures(checkpoint.note, keepWitnessLines(signatures, state, checkpoint, context))
    state.cosigned = { treeSize: checkpoint.treeSize, rootHash, note, at: new Date(context.now()).toISOString() }
    state.witnessSize = checkpoint.treeSize
    state.lastError = undefined
    state.cosignatures += 1
  } catch (error) {
    state.failures += 1
    const { code, message } = error instanceof LogError ? error : { code: 'INTERNAL', message: String(error) }
    state.lastError = { code, message, at: new Date(context.now()).toISOString() }
    throw error
  }
}

async function requestCosignature(
  state: OutsideWitnessState,
  checkpoint: CheckpointRecord,
  context: PushContext,
): Promise<string[]> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const oldSize = state.witnessSize ?? 0
    if (oldSize > checkpoint.treeSize) {
      // We cannot prove anything to a witness that saw a larger tree of ours: a fork, or our own rollback.
      throw new LogError(
        'WITNESS_REFUSED',
        `the witness holds size ${oldSize}, more than this log's ${checkpoint.treeSize}`,
        {
          details: { witnessSize: oldSize, treeSize: checkpoint.treeSize },
        },
      )
    }
    const proof =
      oldSize === 0 || oldSize === checkpoint.treeSize ? [] : context.consistencyProof(oldSize, checkpoint.treeSize)
    const answer = await addCheckpoint({
      url: state.url,
      oldSize,
      proof,
      note: checkpoint.note,
      signal: context.signal,
      ...(context.fetch === undefined ? {} : { fetch: context.fetch }),
    })
    if (answer.status === 'cosigned') return answer.signatures
    state.witnessSize = answer.witnessSize
  }
  throw new LogError('WITNESS_REFUSED', 'the witness size changed again while retrying', {
    details: { witnessSize: state.witnessSize },
  })
}

// The witness's own lines, once the note verifies with them; lines of other keys are ignored (tlog-witness).
function keepWitnessLines(
  signatures: string[],
  state: OutsideWitnessState,
  checkpoint: CheckpointRecord,
  context: PushContext,
): string[] {
  verifyCheckpoint({
    note: addNoteSignatures(checkpoint.note, signatures),
    ...context.trust,
    witnessKeys: [state.key.vkey],
    witnessQuorum: 1,
  })
  return signatures.filter((line) => isLineOf(line, state.key))
}

function isLineOf(line: string, key: NoteVerifierKey): boolean {
  // "— <name> <base64(key id ‖ signature)>\n", already checked for form by addCheckpoint.
  const body = line.slice(2, -1)
  const space = body.indexOf(' ')
  return body.slice(0, space) === key.name && equalBytes(fromBase64(body.slice(space + 1)).slice(0, 4), key.keyId)
}
