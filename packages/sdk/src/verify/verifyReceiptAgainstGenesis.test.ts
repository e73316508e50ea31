import assert from 'node:assert/strict'
import { test } from 'node:test'
import { canonicalBytes, isBaseError, toBase64 } from '@tabularium/core'
import { createReceipt } from '@tabularium/log'
import { transactionId } from '@tabularium/protocol'
import fc from 'fast-check'
import { createReceiptFixture } from '../testing/receiptFixture.js'
import { verifyReceiptAgainstGenesis } from './verifyReceiptAgainstGenesis.js'

const fixture = createReceiptFixture({ size: 7 })
const { genesis, receipts } = fixture
const receipt = receipts[3] as (typeof receipts)[0]

function rejectsWith(value: unknown, code: string, g: unknown = genesis) {
  assert.throws(
    () => verifyReceiptAgainstGenesis({ receipt: value, genesis: g }),
    (error: unknown) => {
      assert.ok(isBaseError(error), String(error))
      assert.equal(error.code, code, error.message)
      return true
    },
  )
}

test('verifies a real receipt and returns its decoded entry and cosigners', () => {
  const result = verifyReceiptAgainstGenesis({ receipt, genesis })
  assert.equal(result.index, 3)
  assert.equal(result.treeSize, 7)
  assert.deepEqual(result.entry, fixture.entries[3])
  assert.deepEqual(result.cosigners, ['a', 'b'])
  assert.equal(result.rootHash, toBase64(fixture.tree.root()))
})

test('names the check that failed for each kind of tampering', () => {
  rejectsWith({ ...receipt, index: 2 }, 'INVALID_PROOF')
  rejectsWith({ ...receipt, treeSize: 8 }, 'TREE_SIZE_MISMATCH')
  rejectsWith({ ...receipt, leaf: receipts[2]?.leaf }, 'INVALID_PROOF')
  rejectsWith({ ...receipt, txid: receipts[2]?.txid }, 'TXID_MISMATCH')
  rejectsWith({ ...receipt, inclusionProof: receipt.inclusionProof.slice(1) }, 'INVALID_PROOF')
  rejectsWith({ ...receipt, checkpoint: receipt.checkpoint.replace('\n7\n', '\n6\n') }, 'CHECKPOINT_SIGNATURE_INVALID')
  rejectsWith({ ...receipt, extra: 1 }, 'RECEIPT_MALFORMED')
  rejectsWith('not a receipt', 'RECEIPT_MALFORMED')
})

test('refuses a checkpoint below the witness quorum, and a receipt of another network', () => {
  rejectsWith({ ...receipt, checkpoint: fixture.checkpoint({ treeSize: 7, witnesses: 1 }) }, 'WITNESS_QUORUM_NOT_MET')
  const other = createReceiptFixture({ size: 1 })
  rejectsWith(receipt, 'CHECKPOINT_SIGNATURE_MISSING', other.genesis)
  rejectsWith(receipt, 'INVALID_REQUEST', { ...genesis, members: [] })
})

test('refuses an entry whose signature was forged, even when the log includes it', () => {
  const forged = { ...fixture.entries[0], sig: fixture.entries[1]?.sig } as (typeof fixture.entries)[0]
  forged.txid = transactionId(forged)
  rejectsWith(appendedReceipt(canonicalBytes(forged), forged.txid), 'INVALID_SIGNATURE')
})

test('refuses a leaf that is not in its canonical JCS form', () => {
  const entry = fixture.entries[0] as (typeof fixture.entries)[0]
  rejectsWith(appendedReceipt(new TextEncoder().encode(JSON.stringify(entry, null, 1)), entry.txid), 'INVALID_LEAF')
})

test('no single-character change anywhere in a receipt verifies', () => {
  const fields = ['txid', 'leaf', 'checkpoint'] as const
  fc.assert(
    fc.property(fc.constantFrom(...fields), fc.nat(), fc.integer({ min: 1, max: 0xfff }), (field, at, delta) => {
      const text = receipt[field]
      const i = at % text.length
      const changed =
        text.slice(0, i) + String.fromCharCode((text.charCodeAt(i) + delta) % 0xd7ff || 1) + text.slice(i + 1)
      if (changed === text) return
      assert.throws(() => verifyReceiptAgainstGenesis({ receipt: { ...receipt, [field]: changed }, genesis }))
    }),
    { numRuns: 500 },
  )
})

// A receipt for `leaf` appended to the fixture's log by its own (honest) keys:
// what a node that logged a bad entry would hand out.
function appendedReceipt(leaf: Uint8Array, txid: string) {
  const index = fixture.tree.append(leaf)
  const treeSize = index + 1
  const inclusionProof = fixture.tree.inclusionProof({ index, treeSize })
  return createReceipt({ txid, leaf, index, treeSize, inclusionProof, checkpoint: fixture.checkpoint({ treeSize }) })
}
