import { isBaseError, toBase64 } from '@tabularium/core'
import {
  type AddCheckpointRequest,
  type Checkpoint,
  createSignatureLine,
  parseAddCheckpointRequest,
  verifyCheckpoint,
  verifyConsistency,
} from '@tabularium/log'
import type { Logger } from 'pino'
import type { NodeCosigner } from './createNodeCosigner.js'
import { createKeyedLock } from './keyedLock.js'
import type { OwnLogGuard } from './ownLogGuard.js'
import type { WitnessedLogs } from './witnessedLogs.js'
import type { WitnessedCheckpoint, WitnessStore } from './witnessStore.js'

/** How an add-checkpoint request ended; also the label of the witness's request counter. */
export type WitnessOutcome =
  | 'cosigned'
  | 'size_mismatch'
  | 'malformed'
  | 'unknown_log'
  | 'forbidden'
  | 'equivocation'
  | 'bad_proof'
  | 'diverged'
  | 'unavailable'

/** The witness's answer, in the terms of c2sp.org/tlog-witness. */
export type WitnessAnswer =
  | { outcome: 'cosigned'; status: 200; signatures: string[] }
  | { outcome: 'size_mismatch'; status: 409; witnessSize: number }
  | { outcome: Refusal; status: RefusalStatus; reason: string }

type Refusal = Exclude<WitnessOutcome, 'cosigned' | 'size_mismatch'>
type RefusalStatus = 400 | 403 | 404 | 409 | 422 | 503

/** A witness: checks checkpoints of the logs it knows against its record and cosigns the consistent ones. */
export interface Witness {
  /** Its C2SP verifier key (tlog-cosignature, type 0x04). */
  readonly verifierKey: string
  /** Answers one add-checkpoint request body. */
  addCheckpoint(body: string): Promise<WitnessAnswer>
  /** What it has recorded, per log. */
  witnessed(): WitnessedCheckpoint[]
  /** Requests answered, by outcome. */
  counts(): Readonly<Record<WitnessOutcome, number>>
}

/** Options of `createWitness`. */
export interface CreateWitnessParameters {
  logs: WitnessedLogs
  store: WitnessStore
  cosigner: NodeCosigner
  logger: Logger
  /** For the node's own network: cosign only what its own log holds (see ownLogGuard). */
  ownLog?: OwnLogGuard | undefined
  /** Milliseconds since the epoch, for `recordedAt`. */
  now?: () => number
}

type Verified = { request: AddCheckpointRequest; checkpoint: Checkpoint; text: string }

/**
 * The witness side of c2sp.org/tlog-witness. Per request: parse (400), find
 * the log by the note's origin line (404), verify a log signature (403), then
 * — one request per origin at a time, and a compare-and-set in the store —
 * old size ≤ checkpoint size (400), old size = the recorded size (409 with
 * it), same size ⇒ same root (409, equivocation), the consistency proof from
 * the recorded checkpoint (422); for the node's own network, that its own
 * log holds the checkpoint (503 not yet, 409 another root); then record
 * durably and cosign. Rollbacks,
 * equivocations and bad proofs of validly signed checkpoints are logged with
 * the note, as evidence against the log.
 *
 * @example const witness = createWitness({ logs, store, cosigner, logger }); await witness.addCheckpoint(body)
 */
export function createWitness({
  logs,
  store,
  cosigner,
  logger,
  ownLog,
  now = Date.now,
}: CreateWitnessParameters): Witness {
  const lock = createKeyedLock()
  const counts: Record<WitnessOutcome, number> = {
    cosigned: 0,
    size_mismatch: 0,
    malformed: 0,
    unknown_log: 0,
    forbidden: 0,
    equivocation: 0,
    bad_proof: 0,
    diverged: 0,
    unavailable: 0,
  }
  const answer = async (body: string): Promise<WitnessAnswer> => {
    const verified = verify(body, logs)
    if ('status' in verified) return verified
    const origin = verified.checkpoint.origin
    return lock.run(origin, () => advance({ verified, store, cosigner, logger, ownLog, now }))
  }
  return {
    verifierKey: cosigner.verifierKey,
    async addCheckpoint(body) {
      const result = await answer(body)
      counts[result.outcome] += 1
      return result
    },
    witnessed: () => store.all(),
    counts: () => ({ ...counts }),
  }
}

// Everything that needs no record: the body's form, the log, its signature.
function verify(body: string, logs: WitnessedLogs): Verified | WitnessAnswer {
  let request: AddCheckpointRequest
  try {
    request = parseAddCheckpointRequest(body)
  } catch (error) {
    return refuse('malformed', 400, messageOf(error))
  }
  const { note } = request
  const newline = note.indexOf('\n')
  const origin = newline < 0 ? note : note.slice(0, newline)
  const logKeys = logs.get(origin)
  if (logKeys === undefined) return refuse('unknown_log', 404, 'unknown log origin')
  let checkpoint: Checkpoint
  try {
    checkpoint = verifyCheckpoint({ note, origin, logKeys: [...logKeys] }).checkpoint
  } catch (error) {
    return refusalOf(error)
  }
  // The signed text: everything up to the blank line before the signatures (c2sp.org/signed-note).
  return { request, checkpoint, text: note.slice(0, note.lastIndexOf('\n\n') + 1) }
}

function refusalOf(error: unknown): WitnessAnswer {
  if (isBaseError(error, 'CHECKPOINT_SIGNATURE_MISSING', 'CHECKPOINT_SIGNATURE_INVALID'))
    return refuse('forbidden', 403, 'no valid signature by a key of this log')
  if (isBaseError(error, 'AMBIGUOUS_KEY')) return refuse('forbidden', 403, 'ambiguous log key')
  if (isBaseError(error, 'INVALID_NOTE', 'INVALID_CHECKPOINT')) return refuse('malformed', 400, messageOf(error))
  if (isBaseError(error, 'ORIGIN_MISMATCH')) return refuse('unknown_log', 404, 'unknown log origin')
  throw error
}

function advance(p: {
  verified: Verified
  store: WitnessStore
  cosigner: NodeCosigner
  logger: Logger
  ownLog: OwnLogGuard | undefined
  now: () => number
}): WitnessAnswer {
  const { request, checkpoint, text } = p.verified
  const recorded = p.store.latest(checkpoint.origin)
  const evidence = (event: string) =>
    p.logger.warn({ ...describe(recorded, request, checkpoint), note: request.note }, `witness: ${event}`)
  if (recorded !== undefined && checkpoint.treeSize < recorded.treeSize) evidence('rollback refused')
  if (request.oldSize > checkpoint.treeSize) return refuse('malformed', 400, 'old size is larger than the checkpoint')
  const recordedSize = recorded?.treeSize ?? 0
  if (request.oldSize !== recordedSize) return sizeMismatch(recordedSize)
  const problem = inconsistency(recorded, request, checkpoint)
  if (problem !== undefined) {
    evidence(problem === 'equivocation' ? 'equivocation refused' : 'inconsistent checkpoint refused')
    return problem === 'equivocation'
      ? refuse('equivocation', 409, 'another root at the recorded size')
      : refuse('bad_proof', 422, 'the consistency proof does not verify')
  }
  const own = ownLogRefusal(p.ownLog, checkpoint)
  if (own !== undefined) {
    if (own.outcome === 'diverged') p.logger.error(describe(recorded, request, checkpoint), 'witness: own log diverges')
    return own
  }
  const next = { ...checkpoint, note: request.note, recordedAt: new Date(p.now()).toISOString() }
  const unchanged = recorded !== undefined && recorded.treeSize === checkpoint.treeSize
  if (!unchanged && !p.store.advance({ from: recorded, next })) {
    // Another writer of the same file got there first: its size is the one to prove from.
    return sizeMismatch(p.store.latest(checkpoint.origin)?.treeSize ?? 0)
  }
  return { outcome: 'cosigned', status: 200, signatures: [createSignatureLine({ text, signer: p.cosigner })] }
}

// Its own network's checkpoint is cosigned only when this node's own log holds it.
function ownLogRefusal(guard: OwnLogGuard | undefined, checkpoint: Checkpoint): WitnessAnswer | undefined {
  if (guard === undefined || checkpoint.origin !== guard.origin) return undefined
  const verdict = guard.check(checkpoint.treeSize, checkpoint.rootHash)
  if (verdict === 'behind') return refuse('unavailable', 503, 'this node has not executed the log that far yet')
  if (verdict === 'stopped') return refuse('unavailable', 503, 'this node has stopped')
  if (verdict === 'diverged') return refuse('diverged', 409, "another root than this node's own log")
  return undefined
}

// Why the checkpoint does not extend the record, if it does not.
function inconsistency(
  recorded: WitnessedCheckpoint | undefined,
  request: AddCheckpointRequest,
  checkpoint: Checkpoint,
): 'equivocation' | 'bad_proof' | undefined {
  // Nothing recorded, or the empty tree: every tree extends it (and the proof is empty, as parsed).
  if (recorded === undefined || (recorded.treeSize === 0 && checkpoint.treeSize > 0)) return undefined
  if (recorded.treeSize === checkpoint.treeSize && toBase64(recorded.rootHash) !== toBase64(checkpoint.rootHash))
    return 'equivocation'
  try {
    verifyConsistency({
      from: recorded.treeSize,
      to: checkpoint.treeSize,
      proof: request.proof,
      fromRoot: recorded.rootHash,
      toRoot: checkpoint.rootHash,
    })
    return undefined
  } catch {
    return 'bad_proof'
  }
}

function describe(recorded: WitnessedCheckpoint | undefined, request: AddCheckpointRequest, checkpoint: Checkpoint) {
  return {
    origin: checkpoint.origin,
    oldSize: request.oldSize,
    treeSize: checkpoint.treeSize,
    rootHash: toBase64(checkpoint.rootHash),
    recordedSize: recorded?.treeSize,
    recordedRoot: recorded === undefined ? undefined : toBase64(recorded.rootHash),
  }
}

function sizeMismatch(witnessSize: number): WitnessAnswer {
  return { outcome: 'size_mismatch', status: 409, witnessSize }
}

function refuse(outcome: Refusal, status: RefusalStatus, reason: string): WitnessAnswer {
  return { outcome, status, reason }
}

function messageOf(error: unknown): string {
  if (isBaseError(error)) return error.message
  throw error
}
