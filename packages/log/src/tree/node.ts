import { LogError } from '../errors.js'
import { isHash } from '../hash.js'
import { bitLength } from './bits.js'
import { rootFromFrontier } from './frontier.js'

/**
 * Reads the stored hash of node (level, index): the complete subtree of
 * 2^level leaves starting at leaf index·2^level (level 0 holds leaf hashes).
 * Synchronous so that a SQLite-backed store (better-sqlite3) fits; it throws
 * when the node is missing.
 */
export type GetNode = (level: number, index: number) => Uint8Array

/** One node the caller persists: the hash of complete subtree (level, index). */
export type TreeNode = { level: number; index: number; hash: Uint8Array }

/** Calls `getNode`, wrapping a failure or a value that is not a hash as `MISSING_NODE`. */
export function readNode(getNode: GetNode, level: number, index: number): Uint8Array {
  let hash: unknown
  try {
    hash = getNode(level, index)
  } catch (cause) {
    throw new LogError('MISSING_NODE', `node (${level}, ${index}) could not be read`, {
      details: { level, index },
      cause,
    })
  }
  if (!isHash(hash)) {
    throw new LogError('MISSING_NODE', `node (${level}, ${index}) is not a 32-byte hash`, { details: { level, index } })
  }
  return hash
}

/**
 * MTH(D[start:end]) (RFC 9162 §2.1.1) for a range that starts on a multiple of
 * a power of two at least as large as the range, which is the only kind of
 * range the proofs of RFC 9162 §2.1.3–2.1.4 need. It reads the O(log n)
 * complete subtrees that tile the range and folds them from the right, so an
 * incomplete subtree is never stored.
 */
export function subtreeHash(p: { start: number; end: number; getNode: GetNode }): Uint8Array {
  const pieces: Uint8Array[] = []
  let at = p.start
  for (let level = bitLength(p.end - p.start) - 1; level >= 0; level--) {
    const size = 2 ** level
    if (at + size > p.end) continue
    pieces.push(readNode(p.getNode, level, at / size))
    at += size
  }
  return rootFromFrontier(pieces)
}
