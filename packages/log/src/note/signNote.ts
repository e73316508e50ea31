import { concatBytes, toBase64, utf8 } from '@tabularium/core'
import { LogError } from '../errors.js'
import type { NoteSigner } from './noteSigner.js'
import { assertNoteCharacters, isValidKeyName, SIGNATURE_LINE_PREFIX } from './noteText.js'
import { parseNote, parseSignatureLine } from './parseNote.js'

/**
 * Signs note text (which must end in a newline) with each signer and returns
 * the signed note: the text, a blank line, then one
 * "— <name> base64(key ID ‖ signature)" line per signer (c2sp.org/signed-note, Format).
 *
 * @example signNote({ text: formatCheckpoint(checkpoint), signers: [logSigner] })
 */
export function signNote(p: { text: string; signers: NoteSigner[] }): string {
  assertNoteText(p.text)
  if (p.signers.length === 0) throw new LogError('INVALID_KEY', 'a note needs at least one signer')
  const note = `${p.text}\n${p.signers.map((signer) => createSignatureLine({ text: p.text, signer })).join('')}`
  parseNote(note) // the result must itself be a valid note (size, signature count)
  return note
}

/**
 * One signature line, with its final newline, for `text` by `signer`: what a
 * witness returns to be added with {@link addNoteSignatures}.
 *
 * @example createSignatureLine({ text, signer: witness }) // '— witness.example/w1 …\n'
 */
export function createSignatureLine(p: { text: string; signer: NoteSigner }): string {
  const { name, keyId } = p.signer
  if (!isValidKeyName(name))
    throw new LogError('INVALID_KEY', 'the signer name is empty or contains a space, "+" or a control character')
  if (!(keyId instanceof Uint8Array) || keyId.length !== 4) throw new LogError('INVALID_KEY', 'a key ID is 4 bytes')
  const signature = p.signer.sign(utf8(p.text))
  if (!(signature instanceof Uint8Array) || signature.length === 0)
    throw new LogError('INVALID_KEY', 'the signer returned no signature')
  return `${SIGNATURE_LINE_PREFIX}${name} ${toBase64(concatBytes(keyId, signature))}\n`
}

/**
 * Appends signature lines (such as witness cosignatures) to a signed note,
 * skipping lines it already has. Nothing is verified here; each line is
 * checked for form only. Throws `INVALID_NOTE`.
 *
 * @example const cosigned = addNoteSignatures(note, [witnessLine])
 */
export function addNoteSignatures(note: string, lines: string[]): string {
  const have = new Set(parseNote(note).signatures.map((s) => s.line))
  let result = note
  for (const raw of lines) {
    const line = typeof raw === 'string' && raw.endsWith('\n') ? raw.slice(0, -1) : raw
    assertNoteCharacters(line, 'a signature line')
    if (line.includes('\n')) throw new LogError('INVALID_NOTE', 'malformed note: a signature line contains a newline')
    parseSignatureLine(line)
    if (have.has(line)) continue
    have.add(line)
    result += `${line}\n`
  }
  parseNote(result)
  return result
}

function assertNoteText(text: string): void {
  assertNoteCharacters(text, 'note text')
  if (text.length === 0 || !text.endsWith('\n')) throw new LogError('INVALID_NOTE', 'note text must end with a newline')
}
