import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import { describe, it } from 'node:test'
import { canonicalize } from './jcs.js'

const vectors = new URL('../../../vectors/jcs/', import.meta.url)

describe('canonicalize (RFC 8785)', () => {
  for (const name of readdirSync(new URL('input/', vectors))) {
    it(`matches the reference output for ${name}`, () => {
      const input = JSON.parse(readFileSync(new URL(`input/${name}`, vectors), 'utf8'))
      const expected = readFileSync(new URL(`output/${name}`, vectors), 'utf8').replace(/\n$/, '')
      assert.equal(canonicalize(input), expected)
    })
  }

  it('serialises numbers as ECMAScript does (RFC 8785 §3.2.2.3)', () => {
    assert.equal(canonicalize([1e30, 4.5, 6, 0.002, 1e-27, -0]), '[1e+30,4.5,6,0.002,1e-27,0]')
  })

  it('refuses values JSON cannot carry with INVALID_JSON', () => {
    assert.throws(() => canonicalize(undefined), { code: 'INVALID_JSON' })
    assert.throws(() => canonicalize({ n: Number.NaN }), { code: 'INVALID_JSON' })
    assert.throws(() => canonicalize({ n: 10n }), { code: 'INVALID_JSON' })
  })
})
