import assert from 'node:assert/strict'
import { test } from 'node:test'
import { TransactionEnvelopeSchema } from '@tabularium/protocol'
import { buildTransaction, randomNonce } from './buildTransaction.js'

const base = {
  network: 'sandbox',
  module: 'notary',
  action: 'stamp',
  args: { hash: 'ab'.repeat(32) },
  signer: 'did:key:z6MkTest',
}

test('builds a schema-valid envelope that expires ten minutes after now', () => {
  const tx = buildTransaction({ ...base, nonce: 'n-1', now: Date.UTC(2026, 0, 2, 3, 4, 5) })
  assert.deepEqual(tx, { v: 1, ...base, nonce: 'n-1', expires: '2026-01-02T03:14:05.000Z' })
  assert.equal(TransactionEnvelopeSchema.safeParse(tx).success, true)
})

test('honours expiresInMs and accepts now as a Date', () => {
  const tx = buildTransaction({ ...base, now: new Date('2026-01-01T00:00:00Z'), expiresInMs: 1000 })
  assert.equal(tx.expires, '2026-01-01T00:00:01.000Z')
})

test('draws a fresh 128-bit nonce per transaction by default', () => {
  const nonces = new Set(Array.from({ length: 100 }, () => buildTransaction(base).nonce))
  assert.equal(nonces.size, 100)
  assert.match(randomNonce(), /^[A-Za-z0-9_-]{22}$/)
})
