import assert from 'node:assert/strict'
import { test } from 'node:test'
import { type PublicJwk, toBase64Url } from '@tabularium/core'
import { generateKeyPair, signBytes, verifyBytesFast } from '@tabularium/core/node'
import { verifySignature } from './verifySignature.js'

// The group order L of Ed25519, little-endian.
const ORDER = Buffer.from('edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010', 'hex')

function addOrder(scalar: Uint8Array): Uint8Array {
  const out = new Uint8Array(32)
  let carry = 0
  for (let i = 0; i < 32; i++) {
    const sum = (scalar[i] as number) + (ORDER[i] as number) + carry
    out[i] = sum & 0xff
    carry = sum >> 8
  }
  return out
}

test('answers as node:crypto does: valid, altered, malformed and ES256 signatures', () => {
  const ed = generateKeyPair({ algorithm: 'EdDSA' })
  const p256 = generateKeyPair({ algorithm: 'ES256' })
  for (let i = 0; i < 40; i++) {
    const pair = i % 4 === 3 ? p256 : ed
    const data = Buffer.from(`message ${i}`)
    const signature = signBytes({ privateJwk: pair.privateJwk, data })
    const cases = [
      { data, signature },
      { data: Buffer.from(`other ${i}`), signature },
      { data, signature: signature.map((byte, at) => (at === i % signature.length ? byte ^ 1 : byte)) },
      { data, signature: signature.subarray(0, 63) },
      { data, signature: new Uint8Array(0) },
    ]
    for (const c of cases) {
      const p = { publicJwk: pair.publicJwk, ...c }
      assert.equal(verifySignature(p), verifyBytesFast(p))
    }
  }
})

test('a signature OpenSSL accepts and libsodium refuses is accepted: node:crypto has the last word', () => {
  // The identity point as key and as R, S = 0: the equation holds, so OpenSSL
  // accepts it for any message; libsodium refuses small-order points.
  const identity = new Uint8Array(32)
  identity[0] = 1
  const publicJwk: PublicJwk = { kty: 'OKP', crv: 'Ed25519', x: toBase64Url(identity) }
  const signature = new Uint8Array(64)
  signature.set(identity, 0)
  const p = { publicJwk, data: Buffer.from('anything'), signature }
  assert.equal(verifyBytesFast(p), true)
  assert.equal(verifySignature(p), true)
})

test('refuses a non-canonical S (S + L) as node:crypto does', () => {
  const ed = generateKeyPair({ algorithm: 'EdDSA' })
  const data = Buffer.from('stamp')
  const signature = signBytes({ privateJwk: ed.privateJwk, data })
  const malleated = new Uint8Array(signature)
  malleated.set(addOrder(signature.subarray(32)), 32)
  const p = { publicJwk: ed.publicJwk, data, signature: malleated }
  assert.equal(verifySignature(p), verifyBytesFast(p))
  assert.equal(verifySignature(p), false)
})

test('refuses with a key that does not import', () => {
  const p = {
    publicJwk: { kty: 'OKP', crv: 'Ed25519', x: 'AAAA' } as PublicJwk,
    data: Buffer.from('x'),
    signature: new Uint8Array(64),
  }
  assert.equal(verifySignature(p), false)
})
