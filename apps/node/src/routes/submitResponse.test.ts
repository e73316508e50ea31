import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { isBaseError } from '@tabularium/core'
import type { SubmitResult } from '@tabularium/ledger'
import { batchItems, submitResponse } from './submitResponse.js'

const ok: SubmitResult = {
  ok: true,
  txid: 'a'.repeat(64),
  index: 0,
  outcome: { status: 'accepted', events: 'b'.repeat(64) },
}
const replayed: SubmitResult = { ok: false, txid: 'c'.repeat(64), error: { code: 'REPLAYED', message: 'used' } }
const badSig: SubmitResult = { ok: false, error: { code: 'INVALID_SIGNATURE', message: 'no' } }

describe('submitResponse', () => {
  test('200 when all were ordered, 207 when mixed', () => {
    assert.equal(submitResponse([ok, ok]).status, 200)
    assert.deepEqual(submitResponse([ok, replayed]), { status: 207, body: { results: [ok, replayed] } })
  })

  test("all refused: the first item's status, with its error as the body's error", () => {
    assert.deepEqual(submitResponse([replayed, badSig]), {
      status: 409,
      body: { error: replayed.error, results: [replayed, badSig] },
    })
    assert.equal(submitResponse([badSig, replayed]).status, 401)
  })
})

describe('batchItems', () => {
  test('one transaction or a batch', () => {
    assert.deepEqual(batchItems({ tx: 1, sig: 2 }, 10), [{ tx: 1, sig: 2 }])
    assert.deepEqual(batchItems({ transactions: [1, 2] }, 10), [1, 2])
  })

  test('refuses other shapes with every problem listed', () => {
    for (const body of [null, 1, 'x', [], [{}]])
      assert.throws(
        () => batchItems(body, 10),
        (e) => isBaseError(e, 'INVALID_REQUEST'),
      )
    assert.throws(
      () => batchItems({ transactions: [] }, 10),
      (e) => isBaseError(e, 'INVALID_REQUEST'),
    )
    assert.throws(
      () => batchItems({ transactions: {}, extra: 1 }, 10),
      (e) => {
        assert.ok(isBaseError(e, 'INVALID_REQUEST'))
        assert.deepEqual(e.details?.issues, [
          { path: 'transactions', message: 'expected an array' },
          { path: 'extra', message: 'unrecognised key' },
        ])
        return true
      },
    )
    assert.throws(
      () => batchItems({ transactions: new Array(11).fill(0) }, 10),
      (e) => isBaseError(e, 'PAYLOAD_TOO_LARGE'),
    )
  })
})
