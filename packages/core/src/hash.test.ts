import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { describe, it } from 'node:test'
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js'
import { utf8 } from './bytes.js'
import { sha256 } from './hash.js'

// On Node sha256 goes through node:crypto: the same digests as the pure-JS
// path the browser runs, as plain Uint8Arrays.
describe('sha256', () => {
  it('matches the pure-JS digest, for bytes and strings', () => {
    for (let n = 0; n < 130; n++) {
      const bytes = new Uint8Array(randomBytes(n))
      const digest = sha256(bytes)
      assert.equal(digest.constructor, Uint8Array)
      assert.deepEqual(digest, nobleSha256(bytes))
    }
    assert.deepEqual(sha256('héllo'), nobleSha256(utf8('héllo')))
  })
})
