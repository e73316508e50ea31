import { LogError } from '../errors.js'
import { checkSignatures } from '../note/checkSignatures.js'
import { type NoteVerifierKey, parseVerifierKey } from '../note/noteKey.js'
import { parseNote } from '../note/parseNote.js'
import { type Checkpoint, parseCheckpoint } from './checkpoint.js'

/** Who must have signed a checkpoint for a client to trust it. */
export type CheckpointPolicy = { origin: string; logKeys: string[]; witnessKeys?: string[]; witnessQuorum?: number }

/** Parameters of {@link verifyCheckpoint}. */
export type VerifyCheckpointParameters = CheckpointPolicy & { note: string }

/** Result of {@link verifyCheckpoint}: the checkpoint and the names of the witnesses whose cosignatures verified. */
export type VerifyCheckpointResult = { checkpoint: Checkpoint; cosigners: string[] }

/**
 * Verifies an untrusted signed checkpoint (c2sp.org/tlog-checkpoint) against
 * a trust policy: a valid signature by one of the log's keys, the expected
 * origin, and cosignatures (c2sp.org/tlog-cosignature) by at least
 * `witnessQuorum` distinct witness keys. Throws, in this order of checks,
 * `INVALID_KEY`/`INVALID_POLICY`, `INVALID_NOTE`, `CHECKPOINT_SIGNATURE_INVALID`,
 * `COSIGNATURE_INVALID`, `CHECKPOINT_SIGNATURE_MISSING`, `INVALID_CHECKPOINT`,
 * `ORIGIN_MISMATCH`, `WITNESS_QUORUM_NOT_MET`.
 *
 * @example verifyCheckpoint({ note, origin: 'ledger.example/log', logKeys: [vkey], witnessKeys, witnessQuorum: 2 })
 */
export function verifyCheckpoint(p: VerifyCheckpointParameters): VerifyCheckpointResult {
  const { logKeys, witnessKeys, quorum } = parsePolicy(p)
  const parsed = parseNote(p.note)
  const checks = checkSignatures({ text: parsed.text, lines: parsed.signatures, keys: [...logKeys, ...witnessKeys] })
  const isLogKey = (key: NoteVerifierKey) => logKeys.includes(key)
  for (const check of checks) {
    if (check.status === 'invalid' && isLogKey(check.key)) {
      throw new LogError('CHECKPOINT_SIGNATURE_INVALID', `the log signature by ${check.key.name} does not verify`)
    }
  }
  for (const check of checks) {
    if (check.status === 'invalid')
      throw new LogError('COSIGNATURE_INVALID', `the cosignature by ${check.key.name} does not verify`)
  }
  const verifiedKeys = checks.flatMap((check) => (check.status === 'verified' ? [check.key] : []))
  if (!verifiedKeys.some(isLogKey))
    throw new LogError('CHECKPOINT_SIGNATURE_MISSING', 'the checkpoint is not signed by a log key')
  // Only now is the text trusted enough to be read (c2sp.org/signed-note).
  const checkpoint = parseCheckpoint(parsed.text)
  if (checkpoint.origin !== p.origin) {
    throw new LogError('ORIGIN_MISMATCH', `the checkpoint is for another log than ${p.origin}`, {
      details: { expected: p.origin, actual: checkpoint.origin },
    })
  }
  const cosigners = witnessKeys.filter((key) => verifiedKeys.includes(key)).map((key) => key.name)
  if (cosigners.length < quorum) {
    throw new LogError('WITNESS_QUORUM_NOT_MET', `${cosigners.length} of the ${quorum} required witness cosignatures`, {
      details: { cosigners, quorum },
    })
  }
  return { checkpoint, cosigners }
}

function parsePolicy(p: CheckpointPolicy): {
  logKeys: NoteVerifierKey[]
  witnessKeys: NoteVerifierKey[]
  quorum: number
} {
  const witnessStrings = p.witnessKeys ?? []
  const quorum = p.witnessQuorum ?? 0
  if (typeof p.origin !== 'string' || p.origin.length === 0)
    throw new LogError('INVALID_POLICY', 'the trusted origin must be a non-empty string')
  if (!Array.isArray(p.logKeys) || p.logKeys.length === 0)
    throw new LogError('INVALID_POLICY', 'at least one log key is needed')
  if (!Array.isArray(witnessStrings) || !Number.isSafeInteger(quorum) || quorum < 0 || quorum > witnessStrings.length) {
    throw new LogError('INVALID_POLICY', 'the witness quorum must be an integer from 0 to the number of witness keys')
  }
  return { logKeys: p.logKeys.map(parseVerifierKey), witnessKeys: witnessStrings.map(parseVerifierKey), quorum }
}
