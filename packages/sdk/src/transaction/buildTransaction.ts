import { toBase64Url } from '@tabularium/core'
import type { TransactionEnvelope } from '@tabularium/protocol'

/** Options of `buildTransaction`. */
export interface BuildTransactionParameters {
  network: string
  module: string
  action: string
  args: Record<string, unknown>
  /** The author's `did:key`. */
  signer: string
  /** Unique per signer; 128 random bits by default. */
  nonce?: string
  /** How long the node may accept it (the replay window); 10 minutes by default. */
  expiresInMs?: number
  /** The current time (a parameter so that tests are deterministic). */
  now?: Date | number
}

const TEN_MINUTES = 10 * 60 * 1000

/**
 * Builds an unsigned transaction envelope (docs/architecture.md,
 * "Transactions").
 *
 * @example
 * const tx = buildTransaction({ network: 'sandbox', module: 'notary', action: 'stamp',
 *   args: { hash }, signer: did })
 */
export function buildTransaction({
  network,
  module,
  action,
  args,
  signer,
  nonce = randomNonce(),
  expiresInMs = TEN_MINUTES,
  now = Date.now(),
}: BuildTransactionParameters): TransactionEnvelope {
  const expires = new Date(Number(now) + expiresInMs).toISOString()
  return { v: 1, network, module, action, args, signer, nonce, expires }
}

/**
 * 128 random bits, base64url. `crypto.getRandomValues` exists both in
 * browsers and in Node ≥ 19 as a global, so no `node:` import is needed.
 */
export function randomNonce(): string {
  return toBase64Url(globalThis.crypto.getRandomValues(new Uint8Array(16)))
}
