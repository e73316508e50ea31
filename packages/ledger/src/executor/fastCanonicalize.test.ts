import assert from 'node:assert/strict'
import { test } from 'node:test'
import { canonicalize } from '@tabularium/core'
import fc from 'fast-check'
import { fastCanonicalize } from './fastCanonicalize.js'

test('gives the same JCS as canonicalize for any JSON value', () => {
  fc.assert(
    fc.property(fc.jsonValue(), (value) => {
      assert.equal(fastCanonicalize(value), canonicalize(value))
    }),
    { numRuns: 2000 },
  )
})

test('falls back to canonicalize beyond plain JSON', () => {
  const date = new Date(0)
  assert.equal(fastCanonicalize({ at: date, skip: undefined }), canonicalize({ at: date }))
  assert.equal(fastCanonicalize([undefined, -0, 1e21]), '[null,0,1e+21]')
  assert.throws(() => fastCanonicalize({ n: Number.NaN }), { code: 'INVALID_JSON' })
})
