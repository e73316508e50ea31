import { fromBase64 } from '@tabularium/core'
import { LogError } from '../errors.js'
import { assertNoteCharacters, isValidKeyName, MAX_NOTE_SIGNATURES, SIGNATURE_LINE_PREFIX } from './noteText.js'

/** One signature line of a note, decoded but not verified. */
export type NoteSignatureLine = { line: string; name: string; keyId: Uint8Array; signature: Uint8Array }

/** A note split into its text and signature lines; nothing in it is verified. */
export type ParsedNote = { text: string; signatures: NoteSignatureLine[] }

/**
 * Splits an untrusted signed note as c2sp.org/signed-note, Format, requires:
 * the text ends at the last blank line, and every line after it is
 * "— <name> <base64(key ID ‖ signature)>\n". Parsing uses indexOf and slice
 * only, never a RegExp built from input. Throws `INVALID_NOTE`.
 */
export function parseNote(note: string): ParsedNote {
  assertNoteCharacters(note)
  const split = note.lastIndexOf('\n\n')
  if (split < 0) throw malformed('there is no blank line before the signatures')
  const text = note.slice(0, split + 1)
  const block = note.slice(split + 2)
  if (block.length === 0 || !block.endsWith('\n'))
    throw malformed('the signatures must be non-empty lines, each ending in a newline')
  const lines = block.slice(0, -1).split('\n')
  if (lines.length > MAX_NOTE_SIGNATURES) throw malformed(`more than ${MAX_NOTE_SIGNATURES} signatures`)
  return { text, signatures: lines.map(parseSignatureLine) }
}

/** Decodes one signature line, without its final newline. Throws `INVALID_NOTE`. */
export function parseSignatureLine(line: string): NoteSignatureLine {
  if (!line.startsWith(SIGNATURE_LINE_PREFIX))
    throw malformed('a signature line must start with an em dash and a space')
  const body = line.slice(SIGNATURE_LINE_PREFIX.length)
  const space = body.indexOf(' ')
  const name = space < 0 ? body : body.slice(0, space)
  const encoded = space < 0 ? '' : body.slice(space + 1)
  if (!isValidKeyName(name)) throw malformed('a signature line has an invalid key name')
  let bytes: Uint8Array
  try {
    bytes = fromBase64(encoded)
  } catch (cause) {
    throw new LogError('INVALID_NOTE', 'malformed note: a signature is not base64', { cause })
  }
  if (bytes.length < 5) throw malformed('a signature is shorter than a key ID and one byte')
  return { line, name, keyId: bytes.slice(0, 4), signature: bytes.slice(4) }
}

function malformed(reason: string): LogError {
  return new LogError('INVALID_NOTE', `malformed note: ${reason}`)
}
