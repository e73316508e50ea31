import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto'

/** AES-256-GCM sizes (NIST SP 800-38D): 96-bit IV, 128-bit tag. */
const IV_BYTES = 12
const TAG_BYTES = 16

/**
 * Derives a 32-byte key for one purpose from a secret (HKDF-SHA-256,
 * RFC 5869), so that one secret never serves two purposes.
 *
 * @example deriveKey(master, 'tabularium/vault/v1/wrap')
 */
export function deriveKey(secret: Uint8Array, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, new Uint8Array(0), info, 32))
}

/** HMAC-SHA-256 of a text, hex. @example hmacHex(key, 'did:key:z…') */
export function hmacHex(key: Uint8Array, text: string): string {
  return createHmac('sha256', key).update(text, 'utf8').digest('hex')
}

/**
 * AES-256-GCM: `iv ‖ ciphertext ‖ tag`, authenticated with `aad` so that a
 * ciphertext moved to another subject or record fails to decrypt.
 *
 * @example const sealed = seal({ key, plaintext, aad })
 */
export function seal(p: { key: Uint8Array; plaintext: Uint8Array; aad: Uint8Array }): Buffer {
  const iv = randomBytes(IV_BYTES)
  const cipher = createCipheriv('aes-256-gcm', p.key, iv, { authTagLength: TAG_BYTES })
  cipher.setAAD(p.aad)
  return Buffer.concat([iv, cipher.update(p.plaintext), cipher.final(), cipher.getAuthTag()])
}

/** Opens what `seal` made; throws when the key, AAD or bytes differ. @example open({ key, sealed, aad }) */
export function open(p: { key: Uint8Array; sealed: Uint8Array; aad: Uint8Array }): Buffer {
  const sealed = Buffer.from(p.sealed)
  if (sealed.length < IV_BYTES + TAG_BYTES) throw new Error('sealed value is too short')
  const decipher = createDecipheriv('aes-256-gcm', p.key, sealed.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES })
  decipher.setAAD(p.aad)
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES))
  return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES)), decipher.final()])
}
