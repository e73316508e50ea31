/** A C2SP tlog-tiles resource: a hash tile or an entry bundle, full (width 256) or partial. */
export interface TilePath {
  /** Tree level of the tile, or 'entries' for an entry bundle. */
  level: number | 'entries'
  index: number
  /** 1–255 for a partial tile, 256 for a full one. */
  width: number
}

const LEVEL = /^(0|[1-9][0-9]?)$/
const WIDTH = /^[1-9][0-9]{0,2}$/
const LAST = /^[0-9]{3}$/
const INNER = /^x[0-9]{3}$/
// 1000^6 already exceeds every index a 2^53-entry tree can have.
const MAX_ELEMENTS = 6

/**
 * Parses the part of a tile URL after `tile/` (C2SP tlog-tiles): `<L>/<N>`
 * or `entries/<N>`, with an optional `.p/<W>`. `<N>` is written in 3-digit
 * elements, all but the last prefixed with `x` (`x001/x234/067`). Only the
 * canonical spelling is accepted, so one tile has one URL; anything else gives
 * undefined. Input is hostile: fixed patterns only, no RegExp built from it.
 *
 * @example parseTilePath('0/x001/x234/067.p/8') // { level: 0, index: 1234067, width: 8 }
 */
export function parseTilePath(path: string): TilePath | undefined {
  const parts = path.split('/')
  if (parts.length < 2 || parts.length > MAX_ELEMENTS + 2) return undefined
  const head = parts[0] as string
  const level = head === 'entries' ? 'entries' : LEVEL.test(head) && Number(head) <= 63 ? Number(head) : undefined
  if (level === undefined) return undefined
  let elements = parts.slice(1)
  let width = 256
  const beforeLast = elements[elements.length - 2]
  if (beforeLast?.endsWith('.p')) {
    const w = elements[elements.length - 1] as string
    if (!WIDTH.test(w) || Number(w) > 255) return undefined
    width = Number(w)
    elements = [...elements.slice(0, -2), beforeLast.slice(0, -2)]
  }
  const index = parseIndex(elements)
  return index === undefined ? undefined : { level, index, width }
}

function parseIndex(elements: string[]): number | undefined {
  if (elements.length === 0 || elements.length > MAX_ELEMENTS) return undefined
  let index = 0
  for (const [i, element] of elements.entries()) {
    const last = i === elements.length - 1
    if (!(last ? LAST : INNER).test(element)) return undefined
    // No leading all-zero element: 5 is `005`, never `x000/005`.
    if (i === 0 && !last && element === 'x000') return undefined
    index = index * 1000 + Number(last ? element : element.slice(1))
  }
  return Number.isSafeInteger(index) ? index : undefined
}

/**
 * True when a tree of `treeSize` entries has (or had, at a smaller size) this
 * tile: a full tile needs its end index within the tree, a partial tile of
 * width W needs `start + W·256^L` entries (C2SP tlog-tiles, "Partial Tiles").
 *
 * @example tileExists({ level: 0, index: 0, width: 256 }, 300) // true
 */
export function tileExists(tile: TilePath, treeSize: number): boolean {
  const level = BigInt(tile.level === 'entries' ? 0 : tile.level)
  const span = 256n ** level
  const needed = BigInt(tile.index) * 256n * span + BigInt(tile.width) * span
  return needed <= BigInt(treeSize)
}
