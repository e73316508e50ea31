import assert from 'node:assert/strict'
import { test } from 'node:test'
import { fromBase64Url, jwkFromDidKey, verifyBytes } from '@tabularium/core'
import { generateKeyPair, signBytes } from '@tabularium/core/node'
import { transactionId, transactionSigningInput } from '@tabularium/protocol'
import { buildTransaction } from './buildTransaction.js'
import { createJwkSigner } from './createJwkSigner.js'
import { signTransaction } from './signTransaction.js'

for (const algorithm of ['EdDSA', 'ES256'] as const) {
  test(`signs with WebCrypto (${algorithm}) so that the signer's did:key verifies it`, async () => {
    const { privateJwk } = generateKeyPair({ algorithm })
    const { did, sign } = createJwkSigner({ privateJwk })
    const tx = buildTransaction({ network: 'sandbox', module: 'notary', action: 'stamp', args: {}, signer: did })
    const signed = await signTransaction({ tx, sign })
    const ok = verifyBytes({
      publicJwk: jwkFromDidKey(did),
      data: transactionSigningInput(tx),
      signature: fromBase64Url(signed.sig),
    })
    assert.equal(ok, true)
    assert.equal(fromBase64Url(signed.sig).length, 64)
  })
}

test('accepts a synchronous node:crypto signer, and the txid covers the signature', async () => {
  const { privateJwk, publicJwk } = generateKeyPair({ algorithm: 'EdDSA' })
  const tx = buildTransaction({
    network: 'sandbox',
    module: 'notary',
    action: 'stamp',
    args: {},
    signer: 'did:key:zX',
    nonce: 'n',
  })
  const signed = await signTransaction({ tx, sign: (data) => signBytes({ privateJwk, data }) })
  assert.equal(
    verifyBytes({ publicJwk, data: transactionSigningInput(tx), signature: fromBase64Url(signed.sig) }),
    true,
  )
  // Ed25519 is deterministic, so signing twice gives the same transaction id.
  const again = await signTransaction({ tx, sign: (data) => signBytes({ privateJwk, data }) })
  assert.equal(transactionId(again), transactionId(signed))
})
