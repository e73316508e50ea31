import { isBaseError } from '@tabularium/core'
import { isErrorCode, statusOf } from '@tabularium/protocol'

/** The error body every route answers with (docs/architecture.md). */
export interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> }
}

/** What the error handler sends: the status, the body, and whether it is an unknown failure. */
export interface ErrorResponse {
  status: number
  body: ErrorBody
  /** True for a failure that is not a catalogued error: logged in full, disclosed to nobody. */
  unexpected: boolean
}

const INTERNAL: ErrorBody = { error: { code: 'INTERNAL', message: 'internal error' } }

/**
 * Maps any thrown value to the wire: a Tabularium error with a catalogued code
 * keeps its code, message and details, with the status of the catalogue (the
 * one place codes map to statuses, CONVENTIONS #10); anything else becomes a
 * plain 500 that says nothing about its cause.
 *
 * @example errorResponse(new ProtocolError('REPLAYED', 'nonce used')) // { status: 409, … }
 */
export function errorResponse(error: unknown): ErrorResponse {
  if (isBaseError(error) && isErrorCode(error.code) && error.code !== 'INTERNAL') {
    return { status: statusOf(error.code), body: { error: error.toJSON() }, unexpected: false }
  }
  return { status: 500, body: INTERNAL, unexpected: true }
}
