import type { Database } from 'better-sqlite3'

/**
 * Replay protection: a `(signer, nonce)` pair is used when it is stored (a
 * committed transaction) or in flight (admitted, not yet committed).
 */
export interface NonceGuard {
  isUsed(signer: string, nonce: string): boolean
  /** Marks a pair in flight; false when it already was. */
  reserve(signer: string, nonce: string): boolean
  release(signer: string, nonce: string): void
  readonly inFlight: number
}

/**
 * A nonce guard over the `nonces` table and an in-memory in-flight set.
 *
 * @example const nonces = createNonceGuard({ db }); nonces.reserve(signer, nonce)
 */
export function createNonceGuard({ db }: { db: Database }): NonceGuard {
  const stored = db.prepare('SELECT 1 FROM nonces WHERE signer = ? AND nonce = ?').pluck()
  const flying = new Set<string>()
  // A resolvable did:key holds no NUL, so `signer NUL nonce` is unambiguous.
  const keyOf = (signer: string, nonce: string) => `${signer}\0${nonce}`
  return {
    isUsed: (signer, nonce) => flying.has(keyOf(signer, nonce)) || stored.get(signer, nonce) !== undefined,
    reserve(signer, nonce) {
      const key = keyOf(signer, nonce)
      if (flying.has(key)) return false
      flying.add(key)
      return true
    },
    release: (signer, nonce) => void flying.delete(keyOf(signer, nonce)),
    get inFlight() {
      return flying.size
    },
  }
}
