const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-_ :,"{}[]\\'

/**
 * Replaces the character at `position` with a different one, chosen by
 * `seed` from base64, digits and JSON punctuation — the characters that make
 * up a receipt, so that changes stay plausible rather than merely breaking
 * the JSON. Numbers keep a digit where a digit was.
 *
 * @example flipCharacter('{"index":3}', 9, 1) // '{"index":4}'
 */
export function flipCharacter(text: string, position: number, seed: number): string {
  const i = Math.max(0, Math.min(text.length - 1, position))
  const current = text[i] as string
  const pool = /[0-9]/.test(current) ? '0123456789' : ALPHABET
  let replacement = pool[(pool.indexOf(current) + 1 + (seed % (pool.length - 1))) % pool.length] as string
  if (replacement === current) replacement = pool[(pool.indexOf(current) + 1) % pool.length] as string
  return text.slice(0, i) + replacement + text.slice(i + 1)
}
