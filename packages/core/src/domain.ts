import { concatBytes, utf8 } from './bytes.js'

/**
 * Purposes a Tabularium key signs for. Each signature covers a prefix naming
 * its purpose, so a signature made for one purpose can never be replayed as
 * another (domain separation).
 */
export const SIGNING_DOMAINS = {
  transaction: 'tabularium/transaction/v1',
  challenge: 'tabularium/challenge/v1',
} as const

/** A signing purpose. */
export type SigningDomain = keyof typeof SIGNING_DOMAINS

/**
 * The exact bytes signed: `<domain prefix> 0x0A <message>`.
 *
 * @example signingInput('transaction', canonicalBytes(envelope))
 */
export function signingInput(domain: SigningDomain, message: Uint8Array): Uint8Array {
  return concatBytes(utf8(`${SIGNING_DOMAINS[domain]}\n`), message)
}
