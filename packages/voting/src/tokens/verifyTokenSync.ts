import { sha384 } from '@noble/hashes/sha2.js'
import { concatBytes, equalBytes, fromBase64Url } from '@tabularium/core'
import { VotingError } from '../errors.js'
import { bytesOf } from './blindToken.js'
import type { Token } from './finalizeToken.js'
import { modulusBytes, type TokenPublicKey, type TokenVariant } from './tokenKeys.js'

/** RFC 9474 §5: the PSS variants use a salt of hLen (48) bytes, PSSZERO none. */
export const SALT_LENGTH: Record<TokenVariant, number> = {
  'RSABSSA-SHA384-PSS-Randomized': 48,
  'RSABSSA-SHA384-PSSZERO-Randomized': 0,
  'RSABSSA-SHA384-PSS-Deterministic': 48,
  'RSABSSA-SHA384-PSSZERO-Deterministic': 0,
}
const H_LEN = 48

/**
 * RSAVP1 (RFC 8017 §5.2.2) for a signature already known to be below n:
 * s^e mod n as kLen big-endian bytes. Pure JS by default; a node passes
 * OpenSSL's (`opensslRsavp1` in `@tabularium/voting/node`), ~30× faster.
 */
export type Rsavp1 = (publicKey: TokenPublicKey, signature: Uint8Array) => Uint8Array

/**
 * `verifyToken` without a promise: RSASSA-PSS-VERIFY (RFC 8017 §8.1.2,
 * EMSA-PSS-VERIFY §9.1.2, SHA-384 and MGF1-SHA-384) in pure JS over
 * BigInt. A ledger action must be synchronous and deterministic, and the
 * browser recount must not need node:crypto, so both use this one; it
 * accepts exactly what WebCrypto accepts (tested against RFC 9474 vectors).
 * Only the modular exponentiation may be swapped (`rsavp1`): every check of
 * the encoding stays this code. Hostile input: anything malformed or not
 * verifying throws `INVALID_TOKEN`.
 *
 * @example verifyTokenSync({ publicKey, token })
 */
export function verifyTokenSync(params: { publicKey: TokenPublicKey; token: Token; rsavp1?: Rsavp1 }): void {
  const { publicKey, token, rsavp1 = jsRsavp1 } = params
  const kLen = modulusBytes(publicKey)
  const sLen = SALT_LENGTH[publicKey.variant]
  if (sLen === undefined) throw new VotingError('INVALID_ISSUER_KEY', 'unknown RFC 9474 variant')
  let valid: boolean
  try {
    const signature = bytesOf(token?.signature, 'token.signature', kLen)
    const message = bytesOf(token?.message, 'token.message')
    valid = signature.length === kLen && verifyPss(publicKey, sLen, signature, message, rsavp1)
  } catch (cause) {
    throw new VotingError('INVALID_TOKEN', 'the token cannot be read', { cause })
  }
  if (!valid) throw new VotingError('INVALID_TOKEN', 'the token signature does not verify')
}

function verifyPss(key: TokenPublicKey, sLen: number, signature: Uint8Array, message: Uint8Array, rsavp1: Rsavp1) {
  const n = fromBase64Url(key.n)
  if (!below(signature, n)) return false // RSAVP1: the representative must be below n (§5.2.2)
  const kLen = n.length
  const emBits = kLen * 8 - (Math.clz32(n[0] as number) - 24) - 1
  const emLen = Math.ceil(emBits / 8)
  const em = rsavp1(key, signature)
  if (em.length !== kLen) return false
  return emsaPssVerify(message, em.subarray(kLen - emLen), emBits, sLen)
}

const jsRsavp1: Rsavp1 = (key, signature) =>
  toBytes(modPow(toBigInt(signature), toBigInt(fromBase64Url(key.e)), toBigInt(fromBase64Url(key.n))), signature.length)

// Big-endian comparison of two equally long byte strings.
function below(a: Uint8Array, b: Uint8Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] as number) < (b[i] as number)
  return false
}

// EMSA-PSS-VERIFY (RFC 8017 §9.1.2), steps 3–14.
function emsaPssVerify(message: Uint8Array, em: Uint8Array, emBits: number, sLen: number): boolean {
  const emLen = em.length
  if (emLen < H_LEN + sLen + 2 || em[emLen - 1] !== 0xbc) return false
  const maskedDb = em.subarray(0, emLen - H_LEN - 1)
  const h = em.subarray(emLen - H_LEN - 1, emLen - 1)
  const zeroBits = 8 * emLen - emBits
  const topMask = 0xff >> zeroBits
  if (((maskedDb[0] as number) & ~topMask & 0xff) !== 0) return false
  const mask = mgf1(h, maskedDb.length)
  const db = maskedDb.map((b, i) => b ^ (mask[i] as number))
  db[0] = (db[0] as number) & topMask
  const psLen = emLen - H_LEN - sLen - 2
  for (let i = 0; i < psLen; i++) if (db[i] !== 0) return false
  if (db[psLen] !== 0x01) return false
  const salt = db.subarray(db.length - sLen)
  const mPrime = concatBytes(new Uint8Array(8), sha384(message), salt)
  return equalBytes(sha384(mPrime), h)
}

function mgf1(seed: Uint8Array, length: number): Uint8Array {
  const out = new Uint8Array(length)
  for (let counter = 0, offset = 0; offset < length; counter++, offset += H_LEN) {
    const c = new Uint8Array([counter >>> 24, (counter >>> 16) & 0xff, (counter >>> 8) & 0xff, counter & 0xff])
    out.set(sha384(concatBytes(seed, c)).subarray(0, Math.min(H_LEN, length - offset)), offset)
  }
  return out
}

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n
  let b = base % modulus
  let e = exponent
  while (e > 0n) {
    if (e & 1n) result = (result * b) % modulus
    b = (b * b) % modulus
    e >>= 1n
  }
  return result
}

function toBigInt(bytes: Uint8Array): bigint {
  let hex = ''
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0')
  return hex === '' ? 0n : BigInt(`0x${hex}`)
}

function toBytes(value: bigint, length: number): Uint8Array {
  const hex = value.toString(16).padStart(length * 2, '0')
  const out = new Uint8Array(length)
  for (let i = 0; i < length; i++) out[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16)
  return out
}
