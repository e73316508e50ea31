import { fromBase64, toBase64 } from '@tabularium/core'
import { LogError } from '../errors.js'
import { isHash } from '../hash.js'
import { parseNote } from '../note/parseNote.js'
import { isTreeSize } from '../tree/bits.js'

/** Most consistency proof lines a request may carry (c2sp.org/tlog-witness, add-checkpoint). */
export const MAX_WITNESS_PROOF_LINES = 63

/** An add-checkpoint request: the witness's last size, a consistency proof from it, and the signed checkpoint. */
export type AddCheckpointRequest = { oldSize: number; proof: Uint8Array[]; note: string }

const OLD_PREFIX = 'old '
// A 53-bit size has at most 16 decimal digits; a 32-byte hash is 44 base64 characters.
const MAX_SIZE_DIGITS = 16
const HASH_BASE64_LENGTH = 44

/**
 * The body of an add-checkpoint request (c2sp.org/tlog-witness): "old <size>",
 * one base64 hash per proof line, an empty line, then the signed checkpoint.
 * Throws `INVALID_WITNESS_REQUEST` for what a witness would refuse with 400.
 *
 * @example formatAddCheckpointRequest({ oldSize: 5, proof, note }) // 'old 5\n…\n\n<note>'
 */
export function formatAddCheckpointRequest(request: AddCheckpointRequest): string {
  assertRequestShape(request)
  const lines = [`${OLD_PREFIX}${request.oldSize}`, ...request.proof.map((hash) => toBase64(hash))]
  return `${lines.join('\n')}\n\n${request.note}`
}

/**
 * Parses an untrusted add-checkpoint body. Only the form is checked here
 * (including that the checkpoint is a signed note): the note's signatures,
 * the sizes against the witness's record and the proof are the witness's checks. Uses indexOf/slice, never a RegExp built from input.
 * Throws `INVALID_WITNESS_REQUEST`.
 *
 * @example parseAddCheckpointRequest('old 0\n\nexample.com/log\n1\n…').oldSize // 0
 */
export function parseAddCheckpointRequest(body: string): AddCheckpointRequest {
  if (typeof body !== 'string') throw malformed('the body must be text')
  const end = body.indexOf('\n\n')
  if (end < 0) throw malformed('no empty line ends the old size and proof lines')
  const [sizeLine = '', ...proofLines] = body.slice(0, end).split('\n')
  const request = { oldSize: parseOldSize(sizeLine), proof: proofLines.map(parseProofLine), note: body.slice(end + 2) }
  assertRequestShape(request)
  assertSignedNote(request.note)
  return request
}

function parseOldSize(line: string): number {
  if (!line.startsWith(OLD_PREFIX)) throw malformed('the first line must be "old <size>"')
  const digits = line.slice(OLD_PREFIX.length)
  // Decimal with no leading zeros, "0" for zero (tlog-witness, add-checkpoint).
  const canonical = digits.length > 0 && digits.length <= MAX_SIZE_DIGITS && /^(0|[1-9][0-9]*)$/.test(digits)
  if (!canonical || !isTreeSize(Number(digits))) throw malformed('the old size must be a decimal without leading zeros')
  return Number(digits)
}

function parseProofLine(line: string): Uint8Array {
  let hash: Uint8Array | undefined
  if (line.length === HASH_BASE64_LENGTH) {
    try {
      hash = fromBase64(line)
    } catch {
      hash = undefined
    }
  }
  // Canonical only: one spelling per hash, so two bodies that differ cannot mean the same proof.
  if (hash === undefined || !isHash(hash) || toBase64(hash) !== line)
    throw malformed('each proof line must be the base64 of one 32-byte hash')
  return hash
}

function assertRequestShape(request: AddCheckpointRequest): void {
  if (!isTreeSize(request.oldSize)) throw malformed('the old size must be an integer from 0 to 2^53 - 1')
  if (!Array.isArray(request.proof) || request.proof.length > MAX_WITNESS_PROOF_LINES)
    throw malformed(`at most ${MAX_WITNESS_PROOF_LINES} proof lines`)
  if (!request.proof.every(isHash)) throw malformed('every proof element must be a 32-byte hash')
  // "The proof MUST be empty if the old size is zero" (tlog-witness, add-checkpoint).
  if (request.oldSize === 0 && request.proof.length > 0) throw malformed('the proof must be empty when old is 0')
  if (typeof request.note !== 'string' || request.note.length === 0) throw malformed('the checkpoint is missing')
}

// The note's form only (a cut body fails here); its signatures are the witness's check.
function assertSignedNote(note: string): void {
  try {
    parseNote(note)
  } catch (cause) {
    throw new LogError(
      'INVALID_WITNESS_REQUEST',
      'malformed add-checkpoint request: the checkpoint is not a signed note',
      {
        cause,
      },
    )
  }
}

function malformed(reason: string): LogError {
  return new LogError('INVALID_WITNESS_REQUEST', `malformed add-checkpoint request: ${reason}`)
}
