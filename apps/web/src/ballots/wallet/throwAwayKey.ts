import { generateKey, type StoredKey } from '../../lib/keys.js'

/** A fresh throw-away signing key: the signer of a ballot transaction is public, so it must not be the voter's. */
export async function throwAwayKey(): Promise<StoredKey> {
  return generateKey({ extractable: false })
}
