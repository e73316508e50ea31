import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { describe, it } from 'node:test'
import { base64, base64urlnopad, hex } from '@scure/base'
import { fromBase64, fromBase64Url, toBase64, toBase64Url, toHex } from './bytes.js'

// The codecs take Buffer's native path on Node: they must stay exactly the
// @scure/base functions they replace, refusals included.
describe('bytes codecs', () => {
  it('encode as @scure/base does, and decode back to plain Uint8Arrays', () => {
    for (let n = 0; n < 80; n++) {
      const bytes = new Uint8Array(randomBytes(n))
      assert.equal(toBase64(bytes), base64.encode(bytes))
      assert.equal(toBase64Url(bytes), base64urlnopad.encode(bytes))
      assert.equal(toHex(bytes), hex.encode(bytes))
      for (const decoded of [fromBase64(base64.encode(bytes)), fromBase64Url(base64urlnopad.encode(bytes))]) {
        assert.equal(decoded.constructor, Uint8Array)
        assert.deepEqual(decoded, bytes)
      }
    }
    const view = new Uint8Array(randomBytes(40)).subarray(3, 17)
    assert.equal(toBase64(view), base64.encode(view))
  })

  it('refuse what @scure/base refuses (non-canonical bits, padding, other alphabets, whitespace)', () => {
    const refused = ['a', 'ab', 'abc', 'AR==', 'ab=', '====', 'ab-_', 'a b=', 'Zg==Zg==', 'Zm9v\n']
    for (const text of refused) assert.throws(() => fromBase64(text), { code: 'INVALID_ENCODING' }, text)
    for (const text of ['a', 'AR', 'AQ==', 'ab+/', 'Zm9v\n']) {
      assert.throws(() => fromBase64Url(text), { code: 'INVALID_ENCODING' }, text)
    }
    assert.deepEqual(fromBase64('AQ=='), new Uint8Array([1]))
    assert.deepEqual(fromBase64Url('AQ'), new Uint8Array([1]))
  })
})
