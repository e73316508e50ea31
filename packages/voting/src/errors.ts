import { BaseError } from '@tabularium/core'

/**
 * Codes raised by `@tabularium/voting`. Each names one reason a ballot, token,
 * share or decryption is refused, so that a caller can tell a ballot for
 * another election from a ballot that breaks the rules.
 */
export type VotingErrorCode =
  /** A value is not of the expected shape or encoding (point, scalar, base64url, lengths). */
  | 'MALFORMED_INPUT'
  /** Election parameters are inconsistent (threshold, trustees, min/max, options). */
  | 'INVALID_PARAMETERS'
  /** The voter's choice vector breaks the ballot's rules; nothing was encrypted. */
  | 'INVALID_CHOICE'
  /** The RSA key is not an RSA-PSS SHA-384 key of a supported size. */
  | 'INVALID_ISSUER_KEY'
  /** The blind-token signature does not verify under the issuer's key (RFC 9474). */
  | 'INVALID_TOKEN'
  /** The ballot names another election than the one being verified. */
  | 'WRONG_ELECTION'
  /** An option's proof that it encrypts 0 or 1 does not verify. */
  | 'INVALID_OPTION_PROOF'
  /** The proof that the number of selections lies in [min, max] does not verify. */
  | 'INVALID_SUM_PROOF'
  /** A trustee's key share does not match the dealer's Feldman commitments. */
  | 'INVALID_SHARE'
  /** A dealing's proof that the dealer knows its secret (the log of its first commitment) does not verify. */
  | 'INVALID_DEALING'
  /** A trustee's ceremony encryption key does not come with a valid proof that the trustee knows its secret. */
  | 'INVALID_CEREMONY_KEY'
  /** An encrypted key share does not decrypt (wrong key, tampered bytes, or bound to another ballot or trustee). */
  | 'UNDECRYPTABLE_SHARE'
  /** A complaint's revealed key is not proved (Chaum–Pedersen) to be the complainer's Diffie–Hellman key with the dealer. */
  | 'INVALID_COMPLAINT'
  /** A partial decryption's Chaum–Pedersen proof does not verify. */
  | 'INVALID_DECRYPTION_PROOF'
  /** Fewer distinct trustees than the threshold took part in the decryption. */
  | 'NOT_ENOUGH_SHARES'
  /** The same trustee index appears twice. */
  | 'DUPLICATE_SHARE'
  /** A decrypted count is not a small number up to the bound (wrong shares or tampered tally). */
  | 'TALLY_OUT_OF_RANGE'

/**
 * An error raised by `@tabularium/voting`.
 *
 * @example
 * throw new VotingError('WRONG_ELECTION', 'ballot is for another election', { details: { expected, got } })
 */
export class VotingError extends BaseError<VotingErrorCode> {}
