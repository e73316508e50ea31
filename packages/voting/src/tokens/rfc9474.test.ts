import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { describe, it } from 'node:test'
import { fromHex, toBase64Url, toHex } from '@tabularium/core'
import { signBlindedFast } from '../node/signBlindedFast.js'
import { blindToken } from './blindToken.js'
import { finalizeToken } from './finalizeToken.js'
import { signBlinded } from './signBlinded.js'
import type { TokenPrivateKey, TokenPublicKey, TokenVariant } from './tokenKeys.js'
import { verifyToken } from './verifyToken.js'

type Vector = Record<
  | 'name'
  | 'n'
  | 'e'
  | 'd'
  | 'p'
  | 'q'
  | 'msg'
  | 'msg_prefix'
  | 'prepared_msg'
  | 'salt'
  | 'inv'
  | 'blinded_msg'
  | 'blind_sig'
  | 'sig',
  string
>
const vectors = JSON.parse(
  readFileSync(new URL('../../../../vectors/rfc9474/rfc9474.json', import.meta.url), 'utf8'),
) as Vector[]

const b64 = (hex: string) => toBase64Url(fromHex(hex.length % 2 ? `0${hex}` : hex))
const big = (hex: string) => BigInt(`0x${hex}`)

function keysOf(v: Vector): { publicKey: TokenPublicKey; privateKey: TokenPrivateKey } {
  const [n, p, q, d] = [big(v.n), big(v.p), big(v.q), big(v.d)]
  assert.equal(p * q, n)
  const hex = (x: bigint) => b64(x.toString(16))
  const variant = v.name as TokenVariant
  const jwk: JsonWebKey = {
    kty: 'RSA',
    n: b64(v.n),
    e: b64(v.e),
    d: hex(d),
    p: hex(p),
    q: hex(q),
    dp: hex(d % (p - 1n)),
    dq: hex(d % (q - 1n)),
    qi: hex(modInverse(q, p)),
  }
  return { publicKey: { variant, n: jwk.n as string, e: jwk.e as string }, privateKey: { variant, jwk } }
}

function modInverse(a: bigint, m: bigint): bigint {
  let [r0, r1, s0, s1] = [a % m, m, 1n, 0n]
  while (r1 !== 0n) {
    const k = r0 / r1
    ;[r0, r1, s0, s1] = [r1, r0 - k * r1, s1, s0 - k * s1]
  }
  return ((s0 % m) + m) % m
}

// The library draws the PSS salt and the blinding factor r from
// crypto.getRandomValues; to replay the RFC's values the test feeds them in
// that order (salt, then r = inv^-1 mod n), and restores the CSPRNG after.
async function withRandomness<T>(queue: Uint8Array[], run: () => Promise<T>): Promise<T> {
  const original = crypto.getRandomValues.bind(crypto)
  const stub = (array: ArrayBufferView): ArrayBufferView => {
    const next = queue.shift()
    if (next === undefined) return original(array)
    assert.equal(next.length, array.byteLength)
    new Uint8Array(array.buffer, array.byteOffset, array.byteLength).set(next)
    return array
  }
  Object.defineProperty(crypto, 'getRandomValues', { value: stub, configurable: true, writable: true })
  try {
    return await run()
  } finally {
    Object.defineProperty(crypto, 'getRandomValues', { value: original, configurable: true, writable: true })
  }
}

describe('RFC 9474 Appendix A test vectors', () => {
  for (const v of vectors) {
    it(`${v.name}: Blind, BlindSign, Finalize and Verify reproduce every value`, async () => {
      const { publicKey, privateKey } = keysOf(v)
      const n = big(v.n)
      const r = modInverse(big(v.inv), n)
      const rBytes = fromHex(r.toString(16).padStart(1024, '0'))
      const prefix = fromHex(v.msg_prefix)
      const { blindedMessage, state } = await withRandomness([fromHex(v.salt), rBytes], () =>
        blindToken({ publicKey, message: fromHex(v.msg), random: () => prefix }),
      )
      assert.equal(toHex(fromHex(v.prepared_msg)), toHex(Buffer.from(state.message, 'base64url')))
      assert.equal(blindedMessage, b64(v.blinded_msg))
      assert.equal(state.inv, b64(v.inv))
      const blindSignature = await signBlinded({ privateKey, blindedMessage })
      assert.equal(blindSignature, b64(v.blind_sig))
      assert.equal(signBlindedFast({ privateKey, blindedMessage }), blindSignature)
      const token = await finalizeToken({ publicKey, state, blindSignature })
      assert.equal(token.signature, b64(v.sig))
      await verifyToken({ publicKey, token })
    })
  }

  it('rejects the vector signature on another message with INVALID_TOKEN', async () => {
    const v = vectors[0] as Vector
    const { publicKey } = keysOf(v)
    const token = { message: b64(`00${v.prepared_msg.slice(2)}`), signature: b64(v.sig) }
    await assert.rejects(verifyToken({ publicKey, token }), { code: 'INVALID_TOKEN' })
  })
})
