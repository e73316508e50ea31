import { LogError } from '../errors.js'
import { HASH_SIZE } from '../hash.js'
import { type GetNode, readNode } from '../tree/node.js'
import { assertCoordinates, TILE_WIDTH } from './tilePath.js'

/**
 * The bytes of tile (level, index) of `width` hashes: the stored nodes at
 * tree level 8·level, indices index·256 … index·256 + width − 1, concatenated
 * (c2sp.org/tlog-tiles, Merkle Tree). Every hash of a tile, full or partial,
 * is a complete subtree, so each is one `getNode` read.
 *
 * @example readTile({ level: 0, index: 0, width: 256, getNode }) // 8192 bytes
 */
export function readTile(p: { level: number; index: number; width: number; getNode: GetNode }): Uint8Array {
  assertCoordinates({ level: p.level, index: p.index, width: p.width })
  if (p.index * TILE_WIDTH + p.width > Number.MAX_SAFE_INTEGER)
    throw new LogError('INVALID_TILE_PATH', 'invalid tile path: the tile lies beyond any tree')
  const out = new Uint8Array(p.width * HASH_SIZE)
  for (let i = 0; i < p.width; i++) out.set(readNode(p.getNode, 8 * p.level, p.index * TILE_WIDTH + i), i * HASH_SIZE)
  return out
}

/**
 * The width of the tile (level, index) in a tree of `treeSize` leaves: 256 for
 * a full tile, 1–255 for the partial one, 0 when it does not exist
 * (c2sp.org/tlog-tiles, Partial Tiles).
 *
 * @example tileWidth({ level: 1, index: 1, treeSize: 70_000 }) // 17
 */
export function tileWidth(p: { level: number; index: number; treeSize: number }): number {
  assertCoordinates({ level: p.level, index: p.index, width: TILE_WIDTH })
  const hashes = Math.floor(p.treeSize / TILE_WIDTH ** p.level)
  return Math.max(0, Math.min(TILE_WIDTH, hashes - p.index * TILE_WIDTH))
}
