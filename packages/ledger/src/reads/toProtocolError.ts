import { isBaseError } from '@tabularium/core'
import { type ErrorCode, ProtocolError } from '@tabularium/protocol'

/**
 * Runs `read`, turning a lower-level failure (a log error for a bad tree size
 * or index) into a ProtocolError with `code`, the cause kept.
 *
 * @example withCode('INVALID_TREE_SIZE', () => inclusionProof({ index, treeSize, getNode }))
 */
export function withCode<T>(code: ErrorCode, read: () => T): T {
  try {
    return read()
  } catch (error) {
    if (error instanceof ProtocolError) throw error
    const message = isBaseError(error) ? error.message : 'the request cannot be answered'
    throw new ProtocolError(code, message, { cause: error })
  }
}

/** Throws INVALID_TREE_SIZE unless `value` is an integer in `[min, max]`. */
export function assertRange(name: string, value: number, min: number, max: number): void {
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new ProtocolError('INVALID_TREE_SIZE', `${name} must be an integer in [${min}, ${max}]`, {
      details: { [name]: value, min, max },
    })
  }
}
