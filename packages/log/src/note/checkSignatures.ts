import { ed25519 } from '@noble/curves/ed25519.js'
import { concatBytes, equalBytes, toHex, utf8 } from '@tabularium/core'
import { LogError } from '../errors.js'
import { NOTE_SIGNATURE_COSIGNATURE_V1, type NoteVerifierKey } from './noteKey.js'
import type { NoteSignatureLine } from './parseNote.js'

/** What became of one signature line. */
export type SignatureCheck =
  | { status: 'verified'; line: NoteSignatureLine; key: NoteVerifierKey; timestamp?: number }
  | { status: 'invalid'; line: NoteSignatureLine; key: NoteVerifierKey }
  | { status: 'unknown' | 'duplicate'; line: NoteSignatureLine }

/**
 * Checks each signature line against the trusted keys, as
 * c2sp.org/signed-note, Signatures, requires: a line matches a key only when
 * both name and key ID match, and then it must verify; other lines are
 * unknown. A repeated line, or a second signature by a key already seen, is a
 * duplicate and is not verified again (as golang.org/x/mod/sumdb/note does).
 * Two trusted keys with the same name and ID make a line ambiguous: `AMBIGUOUS_KEY`.
 */
export function checkSignatures(p: {
  text: string
  lines: NoteSignatureLine[]
  keys: NoteVerifierKey[]
}): SignatureCheck[] {
  const message = utf8(p.text)
  const seenKeys = new Set<NoteVerifierKey>()
  const seenLines = new Set<string>()
  return p.lines.map((line): SignatureCheck => {
    const matches = p.keys.filter((key) => key.name === line.name && equalBytes(key.keyId, line.keyId))
    if (matches.length > 1) {
      throw new LogError('AMBIGUOUS_KEY', `ambiguous key ${line.name}+${toHex(line.keyId)}`, {
        details: { name: line.name },
      })
    }
    const key = matches[0]
    if (key === undefined || seenKeys.has(key)) {
      const repeated = seenLines.has(line.line)
      seenLines.add(line.line)
      return { status: key === undefined && !repeated ? 'unknown' : 'duplicate', line }
    }
    seenKeys.add(key)
    seenLines.add(line.line)
    return verifyLine({ message, line, key })
  })
}

function verifyLine(p: { message: Uint8Array; line: NoteSignatureLine; key: NoteVerifierKey }): SignatureCheck {
  const { line, key } = p
  if (key.type !== NOTE_SIGNATURE_COSIGNATURE_V1) {
    return verifyEd25519(line.signature, p.message, key.publicKey)
      ? { status: 'verified', line, key }
      : { status: 'invalid', line, key }
  }
  // c2sp.org/tlog-cosignature: timestamped_signature = u64 timestamp ‖ 64-byte Ed25519 signature.
  if (line.signature.length !== 72) return { status: 'invalid', line, key }
  const view = new DataView(line.signature.buffer, line.signature.byteOffset, 8)
  const time = view.getBigUint64(0)
  // Spec bound is 2^63 - 1; beyond 2^53 - 1 (year 285 million) is "in the future", which verifiers MAY reject.
  if (time > BigInt(Number.MAX_SAFE_INTEGER)) return { status: 'invalid', line, key }
  const signed = concatBytes(utf8(`cosignature/v1\ntime ${time}\n`), p.message)
  return verifyEd25519(line.signature.slice(8), signed, key.publicKey)
    ? { status: 'verified', line, key, timestamp: Number(time) }
    : { status: 'invalid', line, key }
}

/** Strict RFC 8032 verification (zip215: false): non-canonical encodings are rejected. */
function verifyEd25519(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean {
  if (signature.length !== 64) return false
  try {
    return ed25519.verify(signature, message, publicKey, { zip215: false })
  } catch {
    // A malformed point or scalar is a signature that does not verify.
    return false
  }
}
