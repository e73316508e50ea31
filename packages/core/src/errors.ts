/**
 * The one error class of Tabularium. Every package narrows `code` to a closed
 * union of its own codes; the protocol package maps every code to an HTTP
 * status in exactly one place (the error catalogue).
 *
 * @example
 * throw new BaseError('INVALID_SIGNATURE', 'signature does not verify', { details: { signer } })
 */
export class BaseError<Code extends string = string> extends Error {
  override readonly name: string = 'TabulariumError'
  readonly code: Code
  readonly details: Record<string, unknown> | undefined

  constructor(code: Code, message: string, options: { details?: Record<string, unknown>; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.code = code
    this.details = options.details
  }

  /** The JSON body a client sees: code, message, details; never the stack or the cause. */
  toJSON(): { code: Code; message: string; details?: Record<string, unknown> } {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details }
  }
}

/** Codes raised by `@tabularium/core`. */
export type CoreErrorCode =
  | 'INVALID_ENCODING'
  | 'INVALID_JSON'
  | 'INVALID_KEY'
  | 'INVALID_SIGNATURE'
  | 'UNSUPPORTED_ALGORITHM'
  | 'INVALID_DID'

/** An error raised by `@tabularium/core`. */
export class CoreError extends BaseError<CoreErrorCode> {}

/** True when `error` is a Tabularium error, optionally with one of `codes`. */
export function isBaseError(error: unknown, ...codes: string[]): error is BaseError {
  return error instanceof BaseError && (codes.length === 0 || codes.includes(error.code))
}
