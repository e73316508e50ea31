/**
 * The one error class of Tabularium. Every package narrows `code` to a closed
 * union of its own codes; the protocol package maps every code to an HTTP
 * status in exactly one place (the error catalogue).
 *
 * @example
 * throw new BaseError('INVALID_SIGNATURE', 'signature does not verify', { details: { signer } })
 */
export class BaseError extends Error {
    name = 'TabulariumError';
    code;
    details;
    constructor(code, message, options = {}) {
        super(message, options.cause === undefined ? undefined : { cause: options.cause });
        this.code = code;
        this.details = options.details;
    }
    /** The JSON body a client sees: code, message, details; never the stack or the cause. */
    toJSON() {
        return this.details === undefined
            ? { code: this.code, message: this.message }
            : { code: this.code, message: this.message, details: this.details };
    }
}
/** An error raised by `@tabularium/core`. */
export class CoreError extends BaseError {
}
/** True when `error` is a Tabularium error, optionally with one of `codes`. */
export function isBaseError(error, ...codes) {
    return error instanceof BaseError && (codes.length === 0 || codes.includes(error.code));
}
//# sourceMappingURL=errors.js.map