import { sha512 } from '@noble/hashes/sha2.js'
import type { Sha512 } from '../proofs/challenge.js'
import type { Token } from '../tokens/finalizeToken.js'
import type { TokenPublicKey } from '../tokens/tokenKeys.js'
import { verifyTokenSync } from '../tokens/verifyTokenSync.js'
import { type GroupBackend, nobleGroup } from './groupBackend.js'

/**
 * The heavy primitives of verification, as one parameter: group arithmetic
 * for the proofs and the tally, and RFC 9474 token verification. `jsEngine`
 * (pure JS) is the default everywhere; a node passes `nodeEngine` from
 * `@tabularium/voting/node` (OpenSSL), which must accept and refuse exactly
 * the same inputs — the tests hold the two against each other.
 */
export type VotingEngine = {
  name: string
  group: GroupBackend
  /** SHA-512 for the proofs' Fiat–Shamir challenges. */
  sha512: Sha512
  /** `verifyTokenSync`'s contract: returns, or throws `INVALID_TOKEN` / `INVALID_ISSUER_KEY`. */
  verifyToken(params: { publicKey: TokenPublicKey; token: Token }): void
}

/**
 * The pure-JS engine (noble-curves, BigInt RSA): runs anywhere.
 *
 * @example verifyBallot({ election, ballot, engine: jsEngine })
 */
export const jsEngine: VotingEngine = { name: 'noble', group: nobleGroup, sha512, verifyToken: verifyTokenSync }
