import { LogError } from '../errors.js'
import { HASH_SIZE, hashChildren } from '../hash.js'
import { assertTreeSize } from '../tree/bits.js'
import { tileWidth } from './readTile.js'
import { TILE_WIDTH, type TileCoordinates } from './tilePath.js'

/** Where a tree node is found in the tiles: `count` hashes from `offset` of `tile`, folded. */
export type NodeInTile = { tile: TileCoordinates & { level: number }; offset: number; count: number }

/**
 * The tile holding node (level, index) of a tree of `treeSize` leaves
 * (c2sp.org/tlog-tiles, Merkle Tree): tile level ⌊level/8⌋ stores the nodes
 * of tree level 8·⌊level/8⌋; a node in between is the perfect subtree of
 * 2^(level mod 8) of them. The tile's width is the one it has at `treeSize`,
 * so the path is the one a client of that checkpoint fetches. Throws
 * `INVALID_TREE_SIZE` when the node is not a complete subtree of the tree.
 *
 * @example tileOfNode({ level: 9, index: 1, treeSize: 1024 }) // tile (1, 0) of width 4, hashes 2–3
 */
export function tileOfNode(p: { level: number; index: number; treeSize: number }): NodeInTile {
  assertTreeSize(p.treeSize, 'treeSize')
  assertTreeSize(p.index, 'index')
  if (!Number.isInteger(p.level) || p.level < 0 || p.level > 52 || (p.index + 1) * 2 ** p.level > p.treeSize) {
    throw new LogError('INVALID_TREE_SIZE', `node (${p.level}, ${p.index}) is not complete in a tree of ${p.treeSize}`)
  }
  const tileLevel = Math.floor(p.level / 8)
  const count = 2 ** (p.level - 8 * tileLevel)
  const first = p.index * count
  const index = Math.floor(first / TILE_WIDTH)
  const width = tileWidth({ level: tileLevel, index, treeSize: p.treeSize })
  return { tile: { level: tileLevel, index, width }, offset: first - index * TILE_WIDTH, count }
}

/**
 * The node a tile holds (see {@link tileOfNode}): its `count` hashes from
 * `offset` hashed pairwise up to one. Throws `INVALID_PROOF` when the tile is
 * not `width` hashes long (a node's answer is untrusted).
 *
 * @example nodeFromTile({ bytes, ...tileOfNode({ level: 9, index: 1, treeSize: 1024 }) })
 */
export function nodeFromTile(p: NodeInTile & { bytes: Uint8Array }): Uint8Array {
  if (!(p.bytes instanceof Uint8Array) || p.bytes.length !== p.tile.width * HASH_SIZE) {
    throw new LogError('INVALID_PROOF', `tile (${p.tile.level}, ${p.tile.index}) must be ${p.tile.width} hashes`)
  }
  let row: Uint8Array[] = []
  for (let i = p.offset; i < p.offset + p.count; i++) row.push(p.bytes.subarray(i * HASH_SIZE, (i + 1) * HASH_SIZE))
  while (row.length > 1)
    row = row.filter((_, i) => i % 2 === 0).map((h, i) => hashChildren(h, row[2 * i + 1] as Uint8Array))
  return row[0] as Uint8Array
}
