import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { describe, it } from 'node:test'
import { toHex, utf8 } from '@tabularium/core'
import { MerkleTree } from 'merkletreejs'
import { hashLeaf } from '../hash.js'
import { createMemoryTree } from './createMemoryTree.js'

// merkletreejs pairs nodes bottom-up and promotes an odd last node unchanged,
// which gives RFC 6962's left-heavy split once leaves are pre-hashed with 0x00
// and interior nodes hash 0x01 ‖ left ‖ right (node:crypto, not our SHA-256).
const nodeHash = (data: Buffer) =>
  createHash('sha256')
    .update(Buffer.concat([Buffer.from([1]), data]))
    .digest()
const leafHash = (data: Uint8Array) =>
  createHash('sha256')
    .update(Buffer.from([0]))
    .update(data)
    .digest()

describe('roots against merkletreejs (independent implementation)', () => {
  it('agree for every size from 1 to 300', () => {
    const tree = createMemoryTree()
    const hashed: Buffer[] = []
    for (let n = 1; n <= 300; n++) {
      const data = utf8(`entry ${n}`)
      tree.append(data)
      hashed.push(leafHash(data))
      const reference = new MerkleTree(hashed, nodeHash, { hashLeaves: false, duplicateOdd: false, sortPairs: false })
      assert.equal(toHex(tree.root()), reference.getRoot().toString('hex'), `size ${n}`)
    }
  })

  it('hashes leaves as node:crypto does', () => {
    const data = utf8('a leaf')
    assert.equal(toHex(hashLeaf(data)), leafHash(data).toString('hex'))
  })
})
