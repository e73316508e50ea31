import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { describe, it } from 'node:test'
import { fromBase64Url, toBase64Url } from '@tabularium/core'
import { decodeBase64Url, decodeBase64UrlInJs, encodeBase64Url, encodeBase64UrlInJs } from './base64url.js'

// Accepts exactly what @tabularium/core's decoder accepts, with the same bytes.
function agrees(text: string): void {
  let expected: Uint8Array | 'refused'
  try {
    expected = fromBase64Url(text)
  } catch {
    expected = 'refused'
  }
  for (const decode of [decodeBase64Url, decodeBase64UrlInJs]) {
    let actual: Uint8Array | 'refused'
    try {
      actual = new Uint8Array(decode(text)) // on Node, decodeBase64Url gives a Buffer view
    } catch {
      actual = 'refused'
    }
    assert.deepEqual(actual, expected, JSON.stringify(text))
  }
}

describe('decodeBase64Url', () => {
  it('decodes what toBase64Url encodes, and encodes to the same text, at every length', () => {
    for (let n = 0; n < 70; n++) {
      const bytes = new Uint8Array(randomBytes(n))
      assert.equal(encodeBase64Url(bytes), toBase64Url(bytes))
      assert.equal(encodeBase64UrlInJs(bytes), toBase64Url(bytes))
      assert.deepEqual(new Uint8Array(decodeBase64Url(toBase64Url(bytes))), bytes)
      assert.deepEqual(decodeBase64UrlInJs(toBase64Url(bytes)), bytes)
    }
  })

  it('refuses what the core decoder refuses: padding, other alphabets, bad lengths, non-canonical tails', () => {
    const samples = [
      '',
      'A',
      'AA',
      'AB',
      'AAA',
      'AAB',
      'AAAA',
      'AA==',
      'A+',
      'A/',
      'A=',
      ' AAA',
      'AAA\n',
      'é',
      'QQ',
      'QR',
    ]
    for (const text of samples) agrees(text)
    for (let n = 1; n < 40; n++) {
      const text = toBase64Url(new Uint8Array(randomBytes(n)))
      for (const char of ['A', 'B', '_', '-', '+', '/', '=', '.', '\u0100']) {
        agrees(text.slice(0, -1) + char)
        agrees(text + char)
      }
    }
  })
})
