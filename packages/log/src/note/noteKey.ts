import { concatBytes, fromBase64, sha256, toBase64, toHex, utf8 } from '@tabularium/core'
import { LogError } from '../errors.js'
import { isValidKeyName } from './noteText.js'

/** Signature type 0x01: Ed25519 over the note text (c2sp.org/signed-note, Signature types). */
export const NOTE_SIGNATURE_ED25519 = 0x01
/** Signature type 0x04: timestamped Ed25519 witness cosignature (c2sp.org/tlog-cosignature). */
export const NOTE_SIGNATURE_COSIGNATURE_V1 = 0x04

/** The signature types this package signs and verifies. */
export type NoteSignatureType = typeof NOTE_SIGNATURE_ED25519 | typeof NOTE_SIGNATURE_COSIGNATURE_V1

/** A parsed verifier key (vkey): what a client trusts. */
export type NoteVerifierKey = { name: string; keyId: Uint8Array; type: NoteSignatureType; publicKey: Uint8Array }

/**
 * The 4-byte key ID, SHA-256(name ‖ 0x0A ‖ type ‖ public key)[:4]
 * (c2sp.org/signed-note, Signatures; c2sp.org/tlog-cosignature, Format).
 *
 * @example toHex(noteKeyId({ name: 'PeterNeumann', type: 0x01, publicKey })) // 'c74f20a3'
 */
export function noteKeyId(p: { name: string; type: number; publicKey: Uint8Array }): Uint8Array {
  return sha256(concatBytes(utf8(`${p.name}\n`), new Uint8Array([p.type]), p.publicKey)).slice(0, 4)
}

/**
 * Encodes a verifier key as `<name>+<hex key ID>+<base64(type ‖ public key)>`,
 * the form golang.org/x/mod/sumdb/note and C2SP witnesses exchange.
 *
 * @example formatVerifierKey({ name: 'example.com/log', publicKey }) // 'example.com/log+1a2b3c4d+AX…'
 */
export function formatVerifierKey(p: { name: string; publicKey: Uint8Array; type?: NoteSignatureType }): string {
  const type = p.type ?? NOTE_SIGNATURE_ED25519
  assertKey(p.name, type, p.publicKey)
  const keyId = noteKeyId({ name: p.name, type, publicKey: p.publicKey })
  return `${p.name}+${toHex(keyId)}+${toBase64(concatBytes(new Uint8Array([type]), p.publicKey))}`
}

/**
 * Parses an untrusted verifier key string; throws `INVALID_KEY` when it is
 * malformed, of an unsupported type, or when its key ID does not match.
 *
 * @example parseVerifierKey('PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW')
 */
export function parseVerifierKey(vkey: string): NoteVerifierKey {
  if (typeof vkey !== 'string' || vkey.length > 4096) throw invalid('a verifier key must be a short string')
  // Split at the first two "+" only: the base64 part may contain "+" itself.
  const first = vkey.indexOf('+')
  const second = first < 0 ? -1 : vkey.indexOf('+', first + 1)
  if (second < 0) throw invalid('a verifier key has the form <name>+<key ID>+<key>')
  return decodeKey({
    name: vkey.slice(0, first),
    keyIdHex: vkey.slice(first + 1, second),
    key64: vkey.slice(second + 1),
  })
}

/** Decodes the name, hex key ID and base64(type ‖ key) of a vkey or skey; checks the key ID unless told not to. */
export function decodeKey(p: { name: string; keyIdHex: string; key64: string; checkId?: boolean }): NoteVerifierKey {
  if (!isValidKeyName(p.name)) throw invalid('the key name is empty or contains a space, "+" or a control character')
  if (!/^[0-9a-fA-F]{8}$/.test(p.keyIdHex)) throw invalid('the key ID must be 8 hexadecimal digits')
  let raw: Uint8Array
  try {
    raw = fromBase64(p.key64)
  } catch (cause) {
    throw new LogError('INVALID_KEY', 'the key is not base64', { cause })
  }
  const type = raw[0]
  const publicKey = raw.slice(1)
  if (type !== NOTE_SIGNATURE_ED25519 && type !== NOTE_SIGNATURE_COSIGNATURE_V1) {
    throw invalid(
      `unsupported signature type ${type === undefined ? 'none' : `0x${type.toString(16).padStart(2, '0')}`}`,
    )
  }
  assertKey(p.name, type, publicKey)
  const keyId = noteKeyId({ name: p.name, type, publicKey })
  if (p.checkId !== false && toHex(keyId) !== p.keyIdHex.toLowerCase())
    throw invalid('the key ID does not match the key')
  return { name: p.name, keyId, type, publicKey }
}

function assertKey(name: string, type: number, publicKey: Uint8Array): void {
  if (!isValidKeyName(name)) throw invalid('the key name is empty or contains a space, "+" or a control character')
  if (type !== NOTE_SIGNATURE_ED25519 && type !== NOTE_SIGNATURE_COSIGNATURE_V1)
    throw invalid('unsupported signature type')
  if (!(publicKey instanceof Uint8Array) || publicKey.length !== 32) throw invalid('an Ed25519 public key is 32 bytes')
}

function invalid(message: string): LogError {
  return new LogError('INVALID_KEY', message)
}
