import { formatEntryBundle, TILE_WIDTH } from '@tabularium/log'
import { ProtocolError } from '@tabularium/protocol'
import type { Database } from 'better-sqlite3'
import { assertRange } from './toProtocolError.js'

/** C2SP tlog-tiles reads. */
export interface TileReader {
  tile(level: number, index: number, width: number, treeSize: number): Uint8Array
  entryBundle(index: number, width: number, treeSize: number): Uint8Array
}

/**
 * Tiles and entry bundles (C2SP tlog-tiles): tile `(L, N)` of width W holds
 * the W hashes of tree level 8·L at indices 256·N … 256·N+W−1; an entry
 * bundle holds leaves 256·N … 256·N+W−1. Only what the tree of `treeSize`
 * holds is served; each is one range query rather than W point reads.
 *
 * @example createTileReader({ db }).tile(0, 0, 256, treeSize)
 */
export function createTileReader({ db }: { db: Database }): TileReader {
  const hashes = db.prepare('SELECT hash FROM nodes WHERE level = ? AND idx >= ? AND idx < ? ORDER BY idx').pluck()
  const leaves = db.prepare('SELECT leaf FROM entries WHERE idx >= ? AND idx < ? ORDER BY idx').pluck()
  return {
    tile(level, index, width, treeSize) {
      assertRange('level', level, 0, 6)
      checkWidth(index, width)
      const start = index * TILE_WIDTH
      // Node k of tree level 8L exists once the tree holds its 2^(8L) leaves.
      if ((start + width) * 2 ** (8 * level) > treeSize) throw notFound('tile')
      return Buffer.concat(hashes.all(8 * level, start, start + width) as Buffer[])
    },
    entryBundle(index, width, treeSize) {
      checkWidth(index, width)
      const start = index * TILE_WIDTH
      if (start + width > treeSize) throw notFound('entry bundle')
      return formatEntryBundle(leaves.all(start, start + width) as Buffer[])
    },
  }
}

function checkWidth(index: number, width: number): void {
  assertRange('index', index, 0, Math.floor(Number.MAX_SAFE_INTEGER / TILE_WIDTH))
  assertRange('width', width, 1, TILE_WIDTH)
}

function notFound(what: string): ProtocolError {
  return new ProtocolError('NOT_FOUND', `that ${what} is beyond the current tree`)
}
