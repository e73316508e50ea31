import { ProtocolError } from '@tabularium/protocol'
import type { SubmitResult } from '../types.js'

/**
 * The submit result of a refused transaction. A ProtocolError keeps its code,
 * message and details; anything else is INTERNAL and says nothing more.
 *
 * @example refusal(new ProtocolError('EXPIRED', '`expires` is in the past'), txid)
 */
export function refusal(error: unknown, txid?: string): SubmitResult & { ok: false } {
  const body =
    error instanceof ProtocolError
      ? error.toJSON()
      : { code: 'INTERNAL', message: 'an unexpected failure; see the node log' }
  return txid === undefined ? { ok: false, error: body } : { ok: false, txid, error: body }
}
