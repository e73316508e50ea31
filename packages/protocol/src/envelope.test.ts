import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { type SignedTransaction, SignedTransactionSchema } from './envelope.js'
import { transactionId } from './transactionId.js'

const valid: SignedTransaction = {
  tx: {
    v: 1,
    network: 'sandbox',
    module: 'notary',
    action: 'stamp',
    args: { hash: 'ab'.repeat(32) },
    signer: 'did:key:z6MkmjY8GnV5i9YTDtPETC2uUAW6ejw3nk5mXF5yci5ab7th',
    nonce: 'n-1',
    expires: '2026-11-22T12:00:00.000Z',
  },
  sig: 'A'.repeat(86),
}

describe('SignedTransactionSchema', () => {
  it('accepts a well-formed signed transaction', () => {
    assert.equal(SignedTransactionSchema.safeParse(valid).success, true)
  })

  it('reports every bad field at once', () => {
    const bad = { tx: { ...valid.tx, v: 2, network: 'Bad Net', expires: 'tomorrow', extra: 1 }, sig: '***' }
    const result = SignedTransactionSchema.safeParse(bad)
    assert.equal(result.success, false)
    const paths = [...new Set(result.error?.issues.map((issue) => issue.path.join('.')))].sort()
    assert.deepEqual(paths, ['sig', 'tx', 'tx.expires', 'tx.network', 'tx.v'])
  })

  it('gives a transaction id that changes with any field', () => {
    const id = transactionId(valid)
    assert.match(id, /^[0-9a-f]{64}$/)
    assert.notEqual(transactionId({ ...valid, tx: { ...valid.tx, nonce: 'n-2' } }), id)
    assert.notEqual(transactionId({ ...valid, sig: 'B'.repeat(86) }), id)
  })
})
