import { LogError } from '../errors.js'
import { MAX_NOTE_SIGNATURES, MAX_NOTE_SIZE } from '../note/noteText.js'
import { parseSignatureLine } from '../note/parseNote.js'
import { isTreeSize } from '../tree/bits.js'

/** Content type of a witness's 409 answer: its latest size, in decimal, then a newline (c2sp.org/tlog-witness). */
export const TLOG_SIZE_CONTENT_TYPE = 'text/x.tlog.size'

/**
 * The body of a 409 answer: the size the witness last cosigned.
 *
 * @example formatTlogSize(8) // '8\n'
 */
export function formatTlogSize(size: number): string {
  if (!isTreeSize(size)) throw new LogError('INVALID_TREE_SIZE', 'a tree size is an integer from 0 to 2^53 - 1')
  return `${size}\n`
}

/**
 * Parses a 409 answer's body strictly (decimal, no leading zeros, one final
 * newline). Throws `WITNESS_RESPONSE_INVALID`.
 *
 * @example parseTlogSize('8\n') // 8
 */
export function parseTlogSize(body: string): number {
  const digits = body.endsWith('\n') ? body.slice(0, -1) : ''
  if (digits.length === 0 || digits.length > 16 || !/^(0|[1-9][0-9]*)$/.test(digits) || !isTreeSize(Number(digits)))
    throw invalid('a 409 answer must hold a tree size in decimal and a newline')
  return Number(digits)
}

/**
 * Splits a 200 answer into its signature lines (each "— <name> <base64>",
 * returned with its final newline); each is checked for form only, to be
 * verified against the witness's key. Throws `WITNESS_RESPONSE_INVALID`.
 *
 * @example parseCosignatureLines('— witness.example/w1 jWbP…\n') // ['— witness.example/w1 jWbP…\n']
 */
export function parseCosignatureLines(body: string): string[] {
  if (body.length === 0 || body.length > MAX_NOTE_SIZE || !body.endsWith('\n'))
    throw invalid('a 200 answer must be signature lines, each ending in a newline')
  const lines = body.slice(0, -1).split('\n')
  if (lines.length > MAX_NOTE_SIGNATURES) throw invalid(`more than ${MAX_NOTE_SIGNATURES} signature lines`)
  for (const line of lines) {
    try {
      parseSignatureLine(line)
    } catch (cause) {
      throw new LogError('WITNESS_RESPONSE_INVALID', 'the witness answered a malformed signature line', { cause })
    }
  }
  return lines.map((line) => `${line}\n`)
}

function invalid(reason: string): LogError {
  return new LogError('WITNESS_RESPONSE_INVALID', `unexpected witness answer: ${reason}`)
}
