import assert from 'node:assert/strict'
import { test } from 'node:test'
import { isBaseError, toBase64 } from '@tabularium/core'
import { createReceiptFixture } from '../testing/receiptFixture.js'
import { checkConsistency } from './checkConsistency.js'
import { checkInclusion } from './checkInclusion.js'

const { tree, receipts } = createReceiptFixture({ size: 11 })
const head = (treeSize: number) => ({ treeSize, rootHash: toBase64(tree.root({ treeSize })) })

test('accepts every older tree head as a prefix of a newer one', () => {
  for (let from = 1; from <= 11; from++) {
    for (let to = from; to <= 11; to++) {
      checkConsistency({ from: head(from), to: head(to), proof: tree.consistencyProof({ from, to }).map(toBase64) })
    }
  }
})

test('rejects a consistency proof against a rewritten history', () => {
  const proof = tree.consistencyProof({ from: 5, to: 11 })
  const rewritten = { treeSize: 5, rootHash: tree.root({ treeSize: 6 }) }
  assert.throws(
    () => checkConsistency({ from: rewritten, to: head(11), proof }),
    (e) => isBaseError(e, 'INVALID_PROOF'),
  )
  assert.throws(
    () => checkConsistency({ from: head(5), to: head(11), proof: ['%%'] }),
    (e) => isBaseError(e, 'INVALID_ENCODING'),
  )
})

test("checks an old receipt's leaf against a newer tree", () => {
  const receipt = receipts[4] as (typeof receipts)[0]
  const proof = tree.inclusionProof({ index: 4, treeSize: 11 })
  checkInclusion({ leaf: receipt.leaf, index: 4, ...head(11), proof })
  assert.throws(
    () => checkInclusion({ leaf: receipt.leaf, index: 5, ...head(11), proof }),
    (e) => isBaseError(e, 'INVALID_PROOF'),
  )
})
