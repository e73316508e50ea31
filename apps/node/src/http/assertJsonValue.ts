import { ProtocolError } from '@tabularium/protocol'

// In `u` mode a surrogate pair is one code point, so only lone halves match.
const LONE_SURROGATE = /\p{Surrogate}/u

/** Deepest nesting accepted in a request body. */
export const MAX_JSON_DEPTH = 64

/**
 * Checks that a parsed body holds only values the ledger can canonicalise
 * (RFC 8785 / I-JSON, RFC 7493): finite numbers, well-formed strings, and
 * nesting no deeper than `maxDepth`, so that no recursive step downstream
 * (JCS, schemas) can overflow the stack. Iterative, so hostile input cannot
 * overflow it either. Throws INVALID_JSON.
 *
 * @example assertJsonValue(JSON.parse(text))
 */
export function assertJsonValue(value: unknown, { maxDepth = MAX_JSON_DEPTH }: { maxDepth?: number } = {}): void {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }]
  while (stack.length > 0) {
    const item = stack.pop() as { value: unknown; depth: number }
    const v = item.value
    if (typeof v === 'number' && !Number.isFinite(v)) throw invalid('a number is out of range')
    if (typeof v === 'string' && LONE_SURROGATE.test(v)) throw invalid('a string holds a lone surrogate')
    if (v === null || typeof v !== 'object') continue
    if (item.depth >= maxDepth) throw invalid(`the body is nested deeper than ${maxDepth} levels`)
    const children = Array.isArray(v) ? v : Object.entries(v).flat()
    for (const child of children) stack.push({ value: child, depth: item.depth + 1 })
  }
}

function invalid(message: string): ProtocolError {
  return new ProtocolError('INVALID_JSON', `${message}; JSON bodies must be I-JSON (RFC 7493)`)
}
