import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { utf8 } from './bytes.js'
import { signingInput } from './domain.js'
import { assertPublicJwk, verifyBytes } from './keys.js'
import { generateKeyPair, signBytes, verifyBytesFast } from './node/sign.js'

describe('signatures', () => {
  for (const algorithm of ['EdDSA', 'ES256'] as const) {
    it(`${algorithm}: node:crypto signatures verify in pure JS and in node:crypto`, () => {
      const { privateJwk, publicJwk } = generateKeyPair({ algorithm })
      const data = signingInput('transaction', utf8('{"a":1}'))
      const signature = signBytes({ privateJwk, data })
      assert.equal(signature.length, 64)
      assert.equal(verifyBytes({ publicJwk, data, signature }), true)
      assert.equal(verifyBytesFast({ publicJwk, data, signature }), true)
    })

    it(`${algorithm}: a changed byte of data or signature does not verify`, () => {
      const { privateJwk, publicJwk } = generateKeyPair({ algorithm })
      const data = utf8('payload')
      const signature = signBytes({ privateJwk, data })
      const badSignature = signature.slice()
      badSignature[5] = (badSignature[5] as number) ^ 1
      assert.equal(verifyBytesFast({ publicJwk, data: utf8('payloaD'), signature }), false)
      assert.equal(verifyBytesFast({ publicJwk, data, signature: badSignature }), false)
      assert.equal(verifyBytes({ publicJwk, data, signature: badSignature }), false)
      assert.equal(verifyBytesFast({ publicJwk, data, signature: signature.subarray(0, 10) }), false)
    })
  }

  it('separates domains: a transaction signature is not a challenge signature', () => {
    const { privateJwk, publicJwk } = generateKeyPair()
    const message = utf8('same bytes')
    const signature = signBytes({ privateJwk, data: signingInput('transaction', message) })
    assert.equal(verifyBytesFast({ publicJwk, data: signingInput('challenge', message), signature }), false)
  })

  it('rejects unsupported or malformed JWKs with INVALID_KEY', () => {
    for (const bad of [
      null,
      'x',
      { kty: 'RSA' },
      { kty: 'OKP', crv: 'Ed25519', x: 'abc' },
      { kty: 'EC', crv: 'P-384', x: 'a', y: 'b' },
    ]) {
      assert.throws(() => assertPublicJwk(bad), { code: 'INVALID_KEY' })
    }
  })
})
