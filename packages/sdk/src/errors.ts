import { BaseError } from '@tabularium/core'
import type { LogErrorCode } from '@tabularium/log'
import type { ErrorCode } from '@tabularium/protocol'

/**
 * Codes an SDK error carries: every code of the server's catalogue (passed
 * through unchanged, so `error.code === 'REPLAYED'` works on the client), plus
 * the codes of offline verification (`@tabularium/log`, kept as they are so
 * that a verifier can say exactly which check failed), plus the failures only
 * a client can see.
 */
export type SdkErrorCode =
  | ErrorCode
  | LogErrorCode
  /** fetch itself failed: the node is unreachable, DNS, TLS, aborted. */
  | 'NETWORK_ERROR'
  /** The server answered with something that is not the documented shape. */
  | 'INVALID_RESPONSE'
  /** An HTTP error whose body names no catalogued code (a proxy, an older node). */
  | 'HTTP_ERROR'
  /** A receipt is not a receipt object (fields missing or of the wrong type). */
  | 'INVALID_RECEIPT'
  /** A receipt's leaf does not decode to a canonical log entry. */
  | 'INVALID_LEAF'
  /** The leaf's transaction does not hash to the receipt's txid. */
  | 'TXID_MISMATCH'

/**
 * The one error class of `@tabularium/sdk`. `details.status` holds the HTTP
 * status when the error came from the server.
 *
 * @example
 * try { await client.submit({ transaction }) }
 * catch (error) { if (error instanceof SdkError && error.code === 'REPLAYED') retryWithNewNonce() }
 */
export class SdkError extends BaseError<SdkErrorCode> {
  override readonly name: string = 'SdkError'
}
