import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { describe, it } from 'node:test'
import { base58 } from '@scure/base'
import { toBase64Url } from './bytes.js'
import { didKeyFromJwk, jwkFromDidKey } from './didKey.js'
import { generateKeyPair } from './node/sign.js'

const ed25519Vectors = JSON.parse(
  readFileSync(new URL('../../../vectors/did-key/ed25519.json', import.meta.url), 'utf8'),
).vectors as { did: string; publicKeyBase58: string }[]

describe('did:key', () => {
  for (const { did, publicKeyBase58 } of ed25519Vectors) {
    it(`resolves and re-encodes the published Ed25519 vector ${did.slice(0, 20)}…`, () => {
      const jwk = jwkFromDidKey(did)
      assert.deepEqual(jwk, { kty: 'OKP', crv: 'Ed25519', x: toBase64Url(base58.decode(publicKeyBase58)) })
      assert.equal(didKeyFromJwk(jwk), did)
    })
  }

  it('encodes P-256 keys in the EBSI jwk_jcs-pub form and back', () => {
    const { publicJwk } = generateKeyPair({ algorithm: 'ES256' })
    const did = didKeyFromJwk(publicJwk)
    // EBSI natural-person DIDs start with this prefix: multicodec 0xeb51 then '{"crv":"P-256",'.
    assert.ok(did.startsWith('did:key:z2dmzD81cgPx8Vki7JbuuMmFYrWPgYoytykUZ3eyqht1j9Kb'), did)
    assert.deepEqual(jwkFromDidKey(did), publicJwk)
  })

  it('ignores a fragment', () => {
    const { did } = ed25519Vectors[0] as { did: string }
    assert.deepEqual(jwkFromDidKey(`${did}#key-1`), jwkFromDidKey(did))
  })

  it('rejects other DIDs and malformed keys with INVALID_DID', () => {
    for (const bad of [
      'did:web:example.org',
      'did:key:abc',
      'did:key:z0OIl',
      'did:key:z6Mk',
      `did:key:z${'1'.repeat(600)}`,
    ]) {
      assert.throws(() => jwkFromDidKey(bad), { code: 'INVALID_DID' }, bad)
    }
  })
})
