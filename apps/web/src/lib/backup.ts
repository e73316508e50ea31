import { base64UrlToBytes, bytesToBase64Url } from './base64.js'
import { importPrivateJwk, type StoredKey } from './keys.js'

// An encrypted wallet backup: the private JWK encrypted with AES-256-GCM under
// a key derived from a passphrase with PBKDF2-SHA-256 (600,000 iterations, the
// OWASP 2023 figure). The DID is in clear so a person can tell backups apart;
// it is also the GCM additional data, so it cannot be swapped.

/** The backup file's JSON. */
export interface WalletBackup {
  v: 1
  type: 'tabularium-wallet-backup'
  did: string
  kdf: { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number; salt: string }
  cipher: { name: 'AES-GCM'; iv: string }
  ciphertext: string
}

/** Thrown for a file that is not a backup, or a wrong passphrase. */
export class BackupError extends Error {
  override name = 'BackupError'
}

const ITERATIONS = 600_000
const encoder = new TextEncoder()

async function deriveKey(passphrase: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', encoder.encode(passphrase), 'PBKDF2', false, ['deriveKey'])
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  )
}

/** Encrypts an (extractable) wallet key into a backup. */
export async function createBackup(stored: StoredKey, passphrase: string): Promise<WalletBackup> {
  const jwk = await crypto.subtle.exportKey('jwk', stored.key)
  const salt = crypto.getRandomValues(new Uint8Array(16))
  const iv = crypto.getRandomValues(new Uint8Array(12))
  const key = await deriveKey(passphrase, salt, ITERATIONS)
  const plaintext = encoder.encode(JSON.stringify({ ...stored.publicJwk, d: jwk.d }))
  const ciphertext = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: encoder.encode(stored.did) },
    key,
    plaintext,
  )
  return {
    v: 1,
    type: 'tabularium-wallet-backup',
    did: stored.did,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: ITERATIONS, salt: bytesToBase64Url(salt) },
    cipher: { name: 'AES-GCM', iv: bytesToBase64Url(iv) },
    ciphertext: bytesToBase64Url(new Uint8Array(ciphertext)),
  }
}

/** Decrypts a backup file's text into a wallet key; `BackupError('not-backup' | 'wrong-passphrase')`. */
export async function restoreBackup(text: string, passphrase: string): Promise<StoredKey> {
  let backup: WalletBackup
  try {
    backup = JSON.parse(text) as WalletBackup
    if (backup.type !== 'tabularium-wallet-backup' || backup.kdf.name !== 'PBKDF2') throw new Error()
  } catch {
    throw new BackupError('not-backup')
  }
  const iterations = Math.min(Math.max(Number(backup.kdf.iterations), 100_000), 10_000_000)
  let plaintext: ArrayBuffer
  try {
    const key = await deriveKey(passphrase, base64UrlToBytes(backup.kdf.salt), iterations)
    plaintext = await crypto.subtle.decrypt(
      {
        name: 'AES-GCM',
        iv: base64UrlToBytes(backup.cipher.iv) as BufferSource,
        additionalData: encoder.encode(backup.did),
      },
      key,
      base64UrlToBytes(backup.ciphertext) as BufferSource,
    )
  } catch {
    throw new BackupError('wrong-passphrase')
  }
  const restored = await importPrivateJwk(new TextDecoder().decode(plaintext), { extractable: true })
  if (restored.did !== backup.did) throw new BackupError('not-backup')
  return restored
}
