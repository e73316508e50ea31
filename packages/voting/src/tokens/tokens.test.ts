import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { signBlindedFast } from '../node/signBlindedFast.js'
import { blindToken } from './blindToken.js'
import { createTokenIssuer } from './createTokenIssuer.js'
import { finalizeToken } from './finalizeToken.js'
import { signBlinded } from './signBlinded.js'
import { tokenNullifier, verifyToken } from './verifyToken.js'

describe('anonymous eligibility tokens', async () => {
  const issuer = await createTokenIssuer({ modulusLength: 2048 })

  it('issues a token the issuer cannot link: blinded bytes share nothing with the ballot token', async () => {
    const { publicKey, privateKey } = issuer
    const { blindedMessage, state } = await blindToken({ publicKey })
    const blindSignature = signBlindedFast({ privateKey, blindedMessage })
    const token = await finalizeToken({ publicKey, state, blindSignature })
    await verifyToken({ publicKey, token })
    assert.notEqual(token.message, blindedMessage)
    assert.notEqual(token.signature, blindSignature)
    assert.equal(Buffer.from(token.message, 'base64url').length, 64)
  })

  it('derives one nullifier per token and ballot, so a second use is detectable', async () => {
    const { publicKey, privateKey } = issuer
    const { blindedMessage, state } = await blindToken({ publicKey })
    const token = await finalizeToken({
      publicKey,
      state,
      blindSignature: await signBlinded({ privateKey, blindedMessage }),
    })
    const first = tokenNullifier({ ballotId: 'ballot-1', token })
    assert.match(first, /^[0-9a-f]{64}$/)
    assert.equal(tokenNullifier({ ballotId: 'ballot-1', token: { ...token } }), first)
    assert.notEqual(tokenNullifier({ ballotId: 'ballot-2', token }), first)
  })

  it('rejects a token signed by another issuer, a forged signature, and garbage with INVALID_TOKEN', async () => {
    const other = await createTokenIssuer({ modulusLength: 2048 })
    const { blindedMessage, state } = await blindToken({ publicKey: other.publicKey })
    const token = await finalizeToken({
      publicKey: other.publicKey,
      state,
      blindSignature: signBlindedFast({ privateKey: other.privateKey, blindedMessage }),
    })
    await assert.rejects(verifyToken({ publicKey: issuer.publicKey, token }), { code: 'INVALID_TOKEN' })
    const forged = { ...token, signature: Buffer.alloc(256, 7).toString('base64url') }
    await assert.rejects(verifyToken({ publicKey: other.publicKey, token: forged }), { code: 'INVALID_TOKEN' })
    await assert.rejects(verifyToken({ publicKey: other.publicKey, token: { message: '!!', signature: 'x' } }), {
      code: 'INVALID_TOKEN',
    })
  })

  it('refuses a wrong blind signature at finalize and a malformed blinded message at signing', async () => {
    const { publicKey, privateKey } = issuer
    const { state } = await blindToken({ publicKey })
    const { blindedMessage: other } = await blindToken({ publicKey })
    const wrong = signBlindedFast({ privateKey, blindedMessage: other })
    await assert.rejects(finalizeToken({ publicKey, state, blindSignature: wrong }), { code: 'INVALID_TOKEN' })
    await assert.rejects(signBlinded({ privateKey, blindedMessage: 'AAAA' }), { code: 'MALFORMED_INPUT' })
    const tooBig = Buffer.alloc(256, 0xff).toString('base64url')
    await assert.rejects(signBlinded({ privateKey, blindedMessage: tooBig }), { code: 'MALFORMED_INPUT' })
    assert.throws(() => signBlindedFast({ privateKey, blindedMessage: tooBig }), { code: 'MALFORMED_INPUT' })
  })
})
