import { createRequire } from 'node:module'
import type { PublicJwk } from '@tabularium/core'
import { publicKeyObject, verifyBytesFast } from '@tabularium/core/node'

interface Sodium {
  crypto_sign_verify_detached(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean
}

// libsodium's Ed25519 verification takes ~40 % less CPU than the one in
// Node's OpenSSL 3.0 (64-bit field arithmetic rather than 32-bit limbs), and
// every node verifies every transaction. An optional dependency: without its
// addon, node:crypto verifies everything.
const sodium = (() => {
  try {
    return createRequire(import.meta.url)('sodium-native') as Sodium
  } catch {
    return undefined
  }
})()

// The raw key node:crypto verifies with (exported from its KeyObject, so that
// both libraries check against the same 32 bytes), null for a key that is not
// Ed25519 or does not import. By `x`, like core's KeyObject cache.
const rawKeys = new Map<string, Uint8Array | null>()
const RAW_KEYS_LIMIT = 10_000

function rawEd25519(jwk: PublicJwk): Uint8Array | null {
  if (jwk.kty !== 'OKP') return null
  let raw = rawKeys.get(jwk.x)
  if (raw === undefined) {
    raw = null
    try {
      const key = publicKeyObject(jwk)
      if (key.asymmetricKeyType === 'ed25519') raw = Buffer.from(String(key.export({ format: 'jwk' }).x), 'base64url')
    } catch {
      // Not importable: node:crypto refuses it below.
    }
    if (rawKeys.size >= RAW_KEYS_LIMIT) rawKeys.clear()
    rawKeys.set(jwk.x, raw)
  }
  return raw
}

/**
 * Verifies a signature exactly as node:crypto does (`verifyBytesFast`), but
 * checks Ed25519 with libsodium first. libsodium accepts a subset of what
 * OpenSSL accepts (the same cofactorless equation, plus refusing small-order
 * and non-canonical points), so its acceptance is final and only its refusals
 * go on to node:crypto: the answer is node:crypto's, for every input, at
 * libsodium's cost for the valid signatures.
 *
 * @example verifySignature({ publicJwk, data, signature })
 */
export function verifySignature(p: { publicJwk: PublicJwk; data: Uint8Array; signature: Uint8Array }): boolean {
  if (sodium !== undefined && p.signature.length === 64) {
    const raw = rawEd25519(p.publicJwk)
    if (raw !== null && raw.length === 32 && sodium.crypto_sign_verify_detached(p.signature, p.data, raw)) return true
  }
  return verifyBytesFast(p)
}
