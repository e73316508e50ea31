import { BaseError } from '@tabularium/core'

/**
 * Every failure `@tabularium/log` reports. The catalogue, with when each is
 * raised, is in this package's README; the protocol package maps them to HTTP.
 */
export type LogErrorCode =
  | 'INVALID_HASH'
  | 'INVALID_TREE_SIZE'
  | 'INVALID_FRONTIER'
  | 'MISSING_NODE'
  | 'INVALID_PROOF'
  | 'INVALID_NOTE'
  | 'INVALID_KEY'
  | 'AMBIGUOUS_KEY'
  | 'UNKNOWN_KEY'
  | 'NOTE_SIGNATURE_INVALID'
  | 'INVALID_CHECKPOINT'
  | 'CHECKPOINT_SIGNATURE_MISSING'
  | 'CHECKPOINT_SIGNATURE_INVALID'
  | 'COSIGNATURE_INVALID'
  | 'ORIGIN_MISMATCH'
  | 'WITNESS_QUORUM_NOT_MET'
  | 'INVALID_POLICY'
  | 'INVALID_TILE_PATH'
  | 'INVALID_ENTRY_BUNDLE'
  | 'RECEIPT_MALFORMED'
  | 'TREE_SIZE_MISMATCH'
  | 'INVALID_WITNESS_REQUEST'
  | 'WITNESS_UNREACHABLE'
  | 'WITNESS_REFUSED'
  | 'WITNESS_RESPONSE_INVALID'

/**
 * An error raised by `@tabularium/log`.
 *
 * @example
 * try { verifyInclusion(p) } catch (e) { if (isBaseError(e, 'INVALID_PROOF')) … }
 */
export class LogError extends BaseError<LogErrorCode> {}
