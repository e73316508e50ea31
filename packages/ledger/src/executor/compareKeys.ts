/**
 * Orders strings by Unicode code point, which is the byte order of their UTF-8
 * form and so the order SQLite's BINARY collation gives. Plain `<` compares
 * UTF-16 code units and disagrees for characters above U+FFFF.
 *
 * @example ['b', 'a'].sort(compareKeys) // ['a', 'b']
 */
export function compareKeys(a: string, b: string): number {
  const length = Math.min(a.length, b.length)
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i)
    const y = b.charCodeAt(i)
    if (x === y) continue
    // Surrogates (0xD800–0xDFFF) encode code points above 0xFFFF, so they sort
    // after every BMP character in code point order.
    if (isSurrogate(x) !== isSurrogate(y)) return isSurrogate(x) ? 1 : -1
    return x - y
  }
  return a.length - b.length
}

function isSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdfff
}
