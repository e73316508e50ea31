import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { importJWK, jwtVerify } from 'jose'
import { party } from '../testFixtures.js'
import { webCryptoSigner } from './signer.js'
import { signJwt } from './signJwt.js'
import { verifyJws } from './verifyJws.js'

describe('JWS', () => {
  for (const algorithm of ['ES256', 'EdDSA'] as const) {
    it(`signs ${algorithm} JWTs that jose verifies independently`, async () => {
      const p = party(algorithm)
      const jwt = await signJwt({
        header: { typ: 'JWT', kid: p.kid },
        payload: { iss: p.did },
        alg: algorithm,
        sign: p.sign,
      })
      const { payload, protectedHeader } = await jwtVerify(jwt, await importJWK({ ...p.publicJwk }, algorithm))
      assert.equal(payload.iss, p.did)
      assert.equal(protectedHeader.kid, p.kid)
    })
  }

  it('signs with a non-extractable WebCrypto key, as a browser wallet does', async () => {
    const { privateKey, publicKey } = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
      'sign',
      'verify',
    ])) as CryptoKeyPair
    const jwt = await signJwt({ header: {}, payload: { a: 1 }, alg: 'ES256', sign: webCryptoSigner(privateKey) })
    const publicJwk = (await crypto.subtle.exportKey('jwk', publicKey)) as {
      kty: 'EC'
      crv: 'P-256'
      x: string
      y: string
    }
    const payload = await verifyJws({
      jws: jwt,
      publicJwk: { kty: 'EC', crv: 'P-256', x: publicJwk.x, y: publicJwk.y },
    })
    assert.equal(new TextDecoder().decode(payload), '{"a":1}')
  })

  it('refuses an algorithm outside the allow-list and a signature by another key', async () => {
    const p = party('EdDSA')
    const jwt = await signJwt({ header: {}, payload: {}, alg: 'EdDSA', sign: p.sign })
    await assert.rejects(verifyJws({ jws: jwt, publicJwk: p.publicJwk, algorithms: ['ES256'] }), {
      code: 'UNSUPPORTED_ALGORITHM',
    })
    await assert.rejects(verifyJws({ jws: jwt, publicJwk: party('EdDSA').publicJwk }), { code: 'INVALID_SIGNATURE' })
    await assert.rejects(verifyJws({ jws: jwt, publicJwk: party('ES256').publicJwk }), {
      code: 'UNSUPPORTED_ALGORITHM',
    })
  })
})
