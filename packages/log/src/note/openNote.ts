import { toHex } from '@tabularium/core'
import { LogError } from '../errors.js'
import { checkSignatures } from './checkSignatures.js'
import { type NoteVerifierKey, parseVerifierKey } from './noteKey.js'
import { parseNote } from './parseNote.js'

/** A signature that verified under a trusted key. */
export type VerifiedNoteSignature = {
  name: string
  keyId: Uint8Array
  kind: 'signature' | 'cosignature'
  /** POSIX seconds, for cosignatures (c2sp.org/tlog-cosignature). */
  timestamp?: number
}

/** Result of {@link openNote}. */
export type OpenedNote = {
  text: string
  verified: VerifiedNoteSignature[]
  unverified: { name: string; keyId: Uint8Array }[]
}

/**
 * Opens an untrusted signed note (c2sp.org/signed-note): parses it
 * defensively, verifies each signature from a trusted key (verifier key
 * strings or parsed keys) and lists the others as unverified. Throws
 * `INVALID_NOTE`, `INVALID_KEY`, `AMBIGUOUS_KEY`, `NOTE_SIGNATURE_INVALID`
 * when a trusted key's signature fails, or `UNKNOWN_KEY` when no trusted key signed.
 *
 * @example const { text } = openNote({ note, verifiers: ['example.com/log+1a2b3c4d+AX…'] })
 */
export function openNote(p: { note: string; verifiers: ReadonlyArray<string | NoteVerifierKey> }): OpenedNote {
  const keys = p.verifiers.map((v) => (typeof v === 'string' ? parseVerifierKey(v) : v))
  const parsed = parseNote(p.note)
  const verified: VerifiedNoteSignature[] = []
  const unverified: OpenedNote['unverified'] = []
  for (const check of checkSignatures({ text: parsed.text, lines: parsed.signatures, keys })) {
    const { name, keyId } = check.line
    if (check.status === 'invalid') {
      throw new LogError('NOTE_SIGNATURE_INVALID', `invalid signature for key ${name}+${toHex(keyId)}`, {
        details: { name },
      })
    }
    if (check.status === 'unknown') unverified.push({ name, keyId })
    if (check.status !== 'verified') continue
    const kind = check.key.type === 0x04 ? 'cosignature' : 'signature'
    verified.push(
      check.timestamp === undefined ? { name, keyId, kind } : { name, keyId, kind, timestamp: check.timestamp },
    )
  }
  if (verified.length === 0) throw new LogError('UNKNOWN_KEY', 'note has no signature from a known key')
  return { text: parsed.text, verified, unverified }
}
