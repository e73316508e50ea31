import { inclusionProof, rootFromInclusionProof } from '@tabularium/log'
import { LedgerAlteredError } from './alteration.js'
import type { LogReader } from './logReader.js'

/**
 * A leaf and its stored level-0 node disagree: which one was altered? The
 * stored node is authentic when, with its stored path, it leads to the signed
 * root of the latest checkpoint; then the leaf was altered, else the node.
 * Only runs once something was found, so it may be slow.
 *
 * @example throw blameLevelZero({ reader, head, index, computed, stored })
 */
export function blameLevelZero(p: {
  reader: LogReader
  head: { treeSize: number; root: Buffer }
  index: number
  computed: Buffer
  stored: Buffer
}): LedgerAlteredError {
  const { index, head } = p
  const computed = p.computed.toString('hex')
  const stored = p.stored.toString('hex')
  if (nodeIsAuthentic(p)) {
    return new LedgerAlteredError({
      code: 'LEDGER_ALTERED',
      table: 'entries',
      row: { index },
      column: 'leaf',
      expected: `a leaf hashing to ${stored}`,
      found: `a leaf hashing to ${computed}`,
      message: `the leaf of entry ${index} was altered: it no longer hashes to the tree signed at size ${head.treeSize}`,
    })
  }
  return new LedgerAlteredError({
    code: 'LEDGER_ALTERED',
    table: 'nodes',
    row: { level: 0, index },
    column: 'hash',
    expected: computed,
    found: stored,
    message: `tree node (0, ${index}) is not the hash of entry ${index}'s leaf`,
  })
}

function nodeIsAuthentic(p: Parameters<typeof blameLevelZero>[0]): boolean {
  const getNode = (level: number, index: number) => {
    const hash = p.reader.node(level, index)
    if (hash === undefined) throw new Error(`node (${level}, ${index}) is missing`)
    return hash
  }
  try {
    const { treeSize } = p.head
    const proof = inclusionProof({ index: p.index, treeSize, getNode })
    const root = rootFromInclusionProof({ index: p.index, treeSize, leafHash: p.stored, proof })
    return Buffer.from(root).equals(p.head.root)
  } catch {
    return false
  }
}
