import { assertTreeSize } from './bits.js'
import type { Frontier } from './frontier.js'
import { type GetNode, readNode } from './node.js'

/**
 * Rebuilds the frontier of a stored tree (after a restart) with one `getNode`
 * call per set bit of size: O(log n).
 *
 * @example const frontier = frontierFromNodes({ size: storedSize, getNode })
 */
export function frontierFromNodes(p: { size: number; getNode: GetNode }): Frontier {
  assertTreeSize(p.size, 'size')
  const frontier: Frontier = []
  let at = 0
  for (let level = 52; level >= 0; level--) {
    const width = 2 ** level
    if (at + width > p.size) continue
    frontier.push(readNode(p.getNode, level, at / width))
    at += width
  }
  return frontier
}
