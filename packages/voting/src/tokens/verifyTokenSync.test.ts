import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { describe, it } from 'node:test'
import { fromHex, toBase64Url } from '@tabularium/core'
import { nodeEngine } from '../node/nodeEngine.js'
import { opensslRsavp1 } from '../node/opensslToken.js'
import { signBlindedFast } from '../node/signBlindedFast.js'
import { blindToken } from './blindToken.js'
import { createTokenIssuer } from './createTokenIssuer.js'
import { finalizeToken } from './finalizeToken.js'
import type { TokenVariant } from './tokenKeys.js'
import { verifyToken } from './verifyToken.js'
import { verifyTokenSync } from './verifyTokenSync.js'

type Vector = Record<'name' | 'n' | 'e' | 'prepared_msg' | 'sig', string>
const vectors = JSON.parse(
  readFileSync(new URL('../../../../vectors/rfc9474/rfc9474.json', import.meta.url), 'utf8'),
) as Vector[]
const b64 = (hex: string) => toBase64Url(fromHex(hex.length % 2 ? `0${hex}` : hex))

describe('verifyTokenSync (pure-JS RSASSA-PSS verification)', () => {
  for (const v of vectors) {
    it(`accepts the RFC 9474 ${v.name} vector signature and refuses it on another message`, () => {
      const publicKey = { variant: v.name as TokenVariant, n: b64(v.n), e: b64(v.e) }
      verifyTokenSync({ publicKey, token: { message: b64(v.prepared_msg), signature: b64(v.sig) } })
      const other = { message: b64(`00${v.prepared_msg.slice(2)}`), signature: b64(v.sig) }
      assert.throws(() => verifyTokenSync({ publicKey, token: other }), { code: 'INVALID_TOKEN' })
    })
  }

  it('agrees with WebCrypto on fresh tokens, on flipped bits and on garbage', async () => {
    const { publicKey, privateKey } = await createTokenIssuer({ modulusLength: 2048 })
    const { blindedMessage, state } = await blindToken({ publicKey })
    const token = await finalizeToken({
      publicKey,
      state,
      blindSignature: signBlindedFast({ privateKey, blindedMessage }),
    })
    verifyTokenSync({ publicKey, token })
    await verifyToken({ publicKey, token })
    const sig = Buffer.from(token.signature, 'base64url')
    for (const i of [0, 17, 255]) {
      const flipped = Buffer.from(sig)
      flipped[i] = (flipped[i] as number) ^ 1
      const bad = { ...token, signature: flipped.toString('base64url') }
      assert.throws(() => verifyTokenSync({ publicKey, token: bad }), { code: 'INVALID_TOKEN' })
      await assert.rejects(verifyToken({ publicKey, token: bad }), { code: 'INVALID_TOKEN' })
    }
    for (const bad of [
      null,
      { message: '!!', signature: 'x' },
      { message: token.message, signature: 'A'.repeat(500) },
    ]) {
      assert.throws(() => verifyTokenSync({ publicKey, token: bad as never }), { code: 'INVALID_TOKEN' })
    }
  })
})

// The node verifies tokens with OpenSSL's RSA operation (nodeEngine); only the
// exponentiation differs, and it must accept and refuse exactly the same.
describe('verifyTokenSync with OpenSSL RSAVP1 (nodeEngine)', () => {
  for (const v of vectors) {
    it(`accepts the RFC 9474 ${v.name} vector and refuses it on another message`, () => {
      const publicKey = { variant: v.name as TokenVariant, n: b64(v.n), e: b64(v.e) }
      nodeEngine.verifyToken({ publicKey, token: { message: b64(v.prepared_msg), signature: b64(v.sig) } })
      const other = { message: b64(`00${v.prepared_msg.slice(2)}`), signature: b64(v.sig) }
      assert.throws(() => nodeEngine.verifyToken({ publicKey, token: other }), { code: 'INVALID_TOKEN' })
    })
  }

  it('refuses what the pure-JS path refuses: flipped bits, s ≥ n, short signatures, garbage', async () => {
    const { publicKey, privateKey } = await createTokenIssuer({ modulusLength: 2048 })
    const { blindedMessage, state } = await blindToken({ publicKey })
    const token = await finalizeToken({
      publicKey,
      state,
      blindSignature: signBlindedFast({ privateKey, blindedMessage }),
    })
    verifyTokenSync({ publicKey, token, rsavp1: opensslRsavp1 })
    const sig = Buffer.from(token.signature, 'base64url')
    const n = Buffer.from(publicKey.n, 'base64url')
    const flipped = Buffer.from(sig)
    flipped[100] = (flipped[100] as number) ^ 4
    const bads = [
      { ...token, signature: flipped.toString('base64url') },
      { ...token, signature: n.toString('base64url') }, // s = n
      { ...token, signature: Buffer.alloc(n.length, 0xff).toString('base64url') }, // s > n
      { ...token, signature: sig.subarray(1).toString('base64url') }, // one byte short
      { ...token, signature: Buffer.concat([Buffer.alloc(1), sig]).toString('base64url') }, // one byte long
      { message: token.message, signature: 'A'.repeat(500) },
      null,
    ]
    for (const bad of bads) {
      assert.throws(() => verifyTokenSync({ publicKey, token: bad as never }), { code: 'INVALID_TOKEN' })
      assert.throws(() => nodeEngine.verifyToken({ publicKey, token: bad as never }), { code: 'INVALID_TOKEN' })
    }
    // A key of an unknown variant, or with a modulus of a size RFC 9474 does not use, is the issuer's fault.
    const badKeys = [
      { ...publicKey, variant: 'RSABSSA-SHA256-PSS-Randomized' },
      { ...publicKey, n: n.subarray(1).toString('base64url') },
    ]
    for (const key of badKeys) {
      assert.throws(() => verifyTokenSync({ publicKey: key as never, token }), { code: 'INVALID_ISSUER_KEY' })
      assert.throws(() => nodeEngine.verifyToken({ publicKey: key as never, token }), { code: 'INVALID_ISSUER_KEY' })
    }
  })
})
