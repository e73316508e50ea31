import { LogError } from '../errors.js'

/** Largest note accepted, in UTF-8 bytes: room for 16 post-quantum signatures (c2sp.org/signed-note). */
export const MAX_NOTE_SIZE = 131_072

/** Most signature lines accepted in one note, as golang.org/x/mod/sumdb/note. */
export const MAX_NOTE_SIGNATURES = 100

/** Start of every signature line: em dash (U+2014) and space (c2sp.org/signed-note, Format). */
export const SIGNATURE_LINE_PREFIX = '\u2014 '

// Unicode White_Space, as Go's unicode.IsSpace, which golang.org/x/mod/sumdb/note applies to key names.
const SPACES = new Set([
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006,
  0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
])

/**
 * True when `name` can name a note key: non-empty, without Unicode spaces or
 * "+" (c2sp.org/signed-note, Format), and, stricter, without control characters.
 */
export function isValidKeyName(name: unknown): name is string {
  if (typeof name !== 'string' || name.length === 0 || !isWellFormed(name)) return false
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i)
    if (code < 0x20 || code === 0x7f || code === 0x2b || SPACES.has(code)) return false
  }
  return true
}

/**
 * Throws `INVALID_NOTE` unless `note` is a string no longer than MAX_NOTE_SIZE
 * UTF-8 bytes, encodable as UTF-8 (no lone surrogate) and free of control
 * characters other than newline (c2sp.org/signed-note, Format).
 */
export function assertNoteCharacters(note: unknown, what = 'note'): asserts note is string {
  // UTF-8 takes at least one byte per UTF-16 code unit, so this bounds the work below.
  if (typeof note !== 'string' || note.length > MAX_NOTE_SIZE) {
    throw new LogError('INVALID_NOTE', `${what} must be a string of at most ${MAX_NOTE_SIZE} bytes`)
  }
  for (let i = 0; i < note.length; i++) {
    const code = note.charCodeAt(i)
    if (code < 0x20 && code !== 0x0a) throw new LogError('INVALID_NOTE', `${what} contains a control character`)
  }
  if (!isWellFormed(note)) throw new LogError('INVALID_NOTE', `${what} is not valid Unicode`)
  if (new TextEncoder().encode(note).length > MAX_NOTE_SIZE) {
    throw new LogError('INVALID_NOTE', `${what} must be a string of at most ${MAX_NOTE_SIZE} bytes`)
  }
}

/** True when `text` has no lone UTF-16 surrogate, so that it has a UTF-8 encoding. */
function isWellFormed(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < 0xd800 || code > 0xdfff) continue
    const next = text.charCodeAt(i + 1)
    if (code > 0xdbff || !(next >= 0xdc00 && next <= 0xdfff)) return false
    i++
  }
  return true
}
