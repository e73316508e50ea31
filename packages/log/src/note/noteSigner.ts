import { ed25519 } from '@noble/curves/ed25519.js'
import { concatBytes, uint64BE, utf8 } from '@tabularium/core'
import { LogError } from '../errors.js'
import { formatVerifierKey, NOTE_SIGNATURE_COSIGNATURE_V1, NOTE_SIGNATURE_ED25519, noteKeyId } from './noteKey.js'
import { isValidKeyName } from './noteText.js'

/**
 * Something that signs note text for one key. The server may pass its own,
 * backed by node:crypto or an HSM; `sign` receives the UTF-8 note text and
 * returns the signature bytes that follow the key ID.
 */
export type NoteSigner = { name: string; keyId: Uint8Array; sign(message: Uint8Array): Uint8Array }

/** A signer made here, which also tells its public key and verifier key string. */
export type Ed25519NoteSigner = NoteSigner & { publicKey: Uint8Array; verifierKey: string }

/**
 * A pure-JS Ed25519 note signer, type 0x01 (c2sp.org/signed-note, Ed25519
 * signatures), from a 32-byte seed. Ed25519 is deterministic, so the same
 * seed and text always give the same note.
 *
 * @example const signer = createEd25519NoteSigner({ name: 'ledger.example/log', privateKey: seed })
 */
export function createEd25519NoteSigner(p: { name: string; privateKey: Uint8Array }): Ed25519NoteSigner {
  const publicKey = publicKeyOf(p)
  return {
    name: p.name,
    keyId: noteKeyId({ name: p.name, type: NOTE_SIGNATURE_ED25519, publicKey }),
    publicKey,
    verifierKey: formatVerifierKey({ name: p.name, publicKey, type: NOTE_SIGNATURE_ED25519 }),
    sign: (message) => ed25519.sign(message, p.privateKey),
  }
}

/**
 * A witness cosigner, type 0x04 (c2sp.org/tlog-cosignature, Ed25519 signed
 * message): signs "cosignature/v1\ntime <t>\n" ‖ text and returns the 8-byte
 * big-endian timestamp ‖ signature. `now` gives POSIX seconds (a parameter so
 * that tests are deterministic).
 *
 * @example const witness = createEd25519Cosigner({ name: 'witness.example/w1', privateKey: seed })
 */
export function createEd25519Cosigner(p: {
  name: string
  privateKey: Uint8Array
  now?: () => number
}): Ed25519NoteSigner {
  const publicKey = publicKeyOf(p)
  const now = p.now ?? (() => Math.floor(Date.now() / 1000))
  return {
    name: p.name,
    keyId: noteKeyId({ name: p.name, type: NOTE_SIGNATURE_COSIGNATURE_V1, publicKey }),
    publicKey,
    verifierKey: formatVerifierKey({ name: p.name, publicKey, type: NOTE_SIGNATURE_COSIGNATURE_V1 }),
    sign: (text) => {
      const time = now()
      if (!Number.isSafeInteger(time) || time < 0)
        throw new LogError('INVALID_KEY', 'the cosigner clock must give whole seconds')
      const message = concatBytes(utf8(`cosignature/v1\ntime ${time}\n`), text)
      return concatBytes(uint64BE(time), ed25519.sign(message, p.privateKey))
    },
  }
}

function publicKeyOf(p: { name: string; privateKey: Uint8Array }): Uint8Array {
  if (!isValidKeyName(p.name))
    throw new LogError('INVALID_KEY', 'the key name is empty or contains a space, "+" or a control character')
  if (!(p.privateKey instanceof Uint8Array) || p.privateKey.length !== 32) {
    throw new LogError('INVALID_KEY', 'an Ed25519 private key is a 32-byte seed')
  }
  return ed25519.getPublicKey(p.privateKey)
}
