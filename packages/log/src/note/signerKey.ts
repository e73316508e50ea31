import { ed25519 } from '@noble/curves/ed25519.js'
import { concatBytes, toBase64, toHex } from '@tabularium/core'
import { LogError } from '../errors.js'
import { decodeKey, NOTE_SIGNATURE_ED25519, type NoteSignatureType, noteKeyId } from './noteKey.js'

/** A parsed signer key: the secret counterpart of a verifier key. */
export type NoteSignerKey = { name: string; keyId: Uint8Array; type: NoteSignatureType; privateKey: Uint8Array }

/**
 * Encodes a signer key as `PRIVATE+KEY+<name>+<hex key ID>+<base64(type ‖ seed)>`,
 * the form of golang.org/x/mod/sumdb/note. The key ID is that of the public key.
 *
 * @example formatSignerKey({ name: 'ledger.example/log', privateKey: seed })
 */
export function formatSignerKey(p: { name: string; privateKey: Uint8Array; type?: NoteSignatureType }): string {
  const type = p.type ?? NOTE_SIGNATURE_ED25519
  const parsed = decodeKey({
    name: p.name,
    keyIdHex: '00000000',
    key64: toBase64(concatBytes(new Uint8Array([type]), p.privateKey)),
    checkId: false,
  })
  const keyId = noteKeyId({ name: p.name, type, publicKey: ed25519.getPublicKey(parsed.publicKey) })
  return `PRIVATE+KEY+${p.name}+${toHex(keyId)}+${toBase64(concatBytes(new Uint8Array([type]), p.privateKey))}`
}

/**
 * Parses a signer key string, checking its key ID against the derived public
 * key; throws `INVALID_KEY` otherwise.
 *
 * @example parseSignerKey('PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz')
 */
export function parseSignerKey(skey: string): NoteSignerKey {
  const prefix = 'PRIVATE+KEY+'
  if (typeof skey !== 'string' || skey.length > 4096 || !skey.startsWith(prefix)) {
    throw new LogError('INVALID_KEY', 'a signer key has the form PRIVATE+KEY+<name>+<key ID>+<key>')
  }
  const rest = skey.slice(prefix.length)
  const first = rest.indexOf('+')
  const second = first < 0 ? -1 : rest.indexOf('+', first + 1)
  if (second < 0) throw new LogError('INVALID_KEY', 'a signer key has the form PRIVATE+KEY+<name>+<key ID>+<key>')
  const keyIdHex = rest.slice(first + 1, second)
  // decodeKey sees the seed where a public key would be; the ID is checked against the derived key.
  const seed = decodeKey({ name: rest.slice(0, first), keyIdHex, key64: rest.slice(second + 1), checkId: false })
  const keyId = noteKeyId({ name: seed.name, type: seed.type, publicKey: ed25519.getPublicKey(seed.publicKey) })
  if (toHex(keyId) !== keyIdHex.toLowerCase()) throw new LogError('INVALID_KEY', 'the key ID does not match the key')
  return { name: seed.name, keyId, type: seed.type, privateKey: seed.publicKey }
}
