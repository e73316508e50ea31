import { LogError } from '../errors.js'

/** Hashes in a full tile, and entries in a full bundle (c2sp.org/tlog-tiles, Merkle Tree). */
export const TILE_WIDTH = 256

/** Highest tile level a path may name (c2sp.org/tlog-tiles: 0 to 63). */
export const MAX_TILE_LEVEL = 63

/** A tile (level 0–63) or an entry bundle ('entries'), its index, and its width (256 when full). */
export type TileCoordinates = { level: number | 'entries'; index: number; width: number }

/**
 * The path of a tile or entry bundle: `tile/<L>/<N>[.p/<W>]` or
 * `tile/entries/<N>[.p/<W>]`, N written as 3-digit groups with all but the
 * last prefixed by "x" (c2sp.org/tlog-tiles, Merkle Tree and Log entries).
 *
 * @example formatTilePath({ level: 0, index: 1234, width: 17 }) // 'tile/0/x001/234.p/17'
 */
export function formatTilePath(p: { level: number | 'entries'; index: number; width?: number }): string {
  const width = p.width ?? TILE_WIDTH
  assertCoordinates({ level: p.level, index: p.index, width })
  const digits = String(p.index)
  const groups: string[] = []
  for (let end = digits.length; end > 0; end -= 3)
    groups.unshift(digits.slice(Math.max(0, end - 3), end).padStart(3, '0'))
  const index = groups.map((group, i) => (i < groups.length - 1 ? `x${group}` : group)).join('/')
  return `tile/${p.level}/${index}${width === TILE_WIDTH ? '' : `.p/${width}`}`
}

/**
 * Parses an untrusted tile or entry-bundle path. Only the canonical form is
 * accepted (the path must be exactly what {@link formatTilePath} writes), so
 * that one resource has one name. Throws `INVALID_TILE_PATH`.
 *
 * @example parseTilePath('tile/0/x001/234.p/17') // { level: 0, index: 1234, width: 17 }
 */
export function parseTilePath(path: string): TileCoordinates {
  if (typeof path !== 'string' || path.length > 128) throw invalid('a tile path is a short string')
  const parts = path.split('/')
  const [tile, level, ...rest] = parts
  if (tile !== 'tile' || level === undefined || rest.length === 0)
    throw invalid('a tile path starts with tile/<level>/')
  let width = TILE_WIDTH
  const last = rest[rest.length - 1] as string
  if (rest.length >= 2 && rest[rest.length - 2]?.endsWith('.p')) {
    width = decimal(last)
    rest.splice(-2, 2, (rest[rest.length - 2] as string).slice(0, -2))
  }
  const groups = rest.map((group, i) => (i < rest.length - 1 && group.startsWith('x') ? group.slice(1) : group))
  if (!groups.every((group) => /^[0-9]{3}$/.test(group))) throw invalid('the index must be 3-digit groups')
  const coordinates = {
    level: level === 'entries' ? 'entries' : decimal(level),
    index: Number(groups.join('')),
    width,
  } as const
  // Anything that does not write back identically (leading zero groups, missing "x") is not canonical.
  if (formatTilePath(coordinates) !== path) throw invalid('the path is not in canonical form')
  return coordinates
}

/** Throws `INVALID_TILE_PATH` unless the coordinates can name a tile. */
export function assertCoordinates(p: TileCoordinates): void {
  if (p.level !== 'entries' && !(Number.isInteger(p.level) && p.level >= 0 && p.level <= MAX_TILE_LEVEL)) {
    throw invalid(`the level must be "entries" or an integer from 0 to ${MAX_TILE_LEVEL}`)
  }
  if (!Number.isSafeInteger(p.index) || p.index < 0) throw invalid('the index must be a non-negative safe integer')
  if (!Number.isInteger(p.width) || p.width < 1 || p.width > TILE_WIDTH)
    throw invalid(`the width must be an integer from 1 to ${TILE_WIDTH}`)
}

function decimal(text: string): number {
  if (!/^(0|[1-9][0-9]{0,15})$/.test(text)) throw invalid('a number must be decimal without leading zeros')
  return Number(text)
}

function invalid(reason: string): LogError {
  return new LogError('INVALID_TILE_PATH', `invalid tile path: ${reason}`)
}
