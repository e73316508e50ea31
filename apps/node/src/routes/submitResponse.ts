import type { SubmitResult } from '@tabularium/ledger'
import { ProtocolError, statusOf } from '@tabularium/protocol'

/** The status and body of POST /v1/transactions. */
export interface SubmitResponse {
  status: number
  body: { results: SubmitResult[]; error?: { code: string; message: string; details?: Record<string, unknown> } }
}

/**
 * The answer to a submission (docs/architecture.md): 200 when every item was
 * ordered, 207 when some were refused, and when all were refused the status
 * of the first item's code, with that error as the body's `error` so that the
 * error body shape holds for every 4xx.
 *
 * @example submitResponse([{ ok: true, txid, index: 3, outcome }]).status // 200
 */
export function submitResponse(results: SubmitResult[]): SubmitResponse {
  const first = results[0]
  if (first === undefined) throw new ProtocolError('INVALID_REQUEST', 'no transaction to submit')
  const refused = results.filter((result) => !result.ok).length
  if (refused === 0) return { status: 200, body: { results } }
  if (refused < results.length) return { status: 207, body: { results } }
  const error = first.ok ? undefined : first.error
  const code = error?.code ?? 'INTERNAL'
  const status = statusOf(code)
  return { status, body: error === undefined ? { results } : { error, results } }
}

/**
 * The transactions of a body: one signed transaction, or `{ transactions }`
 * with 1 to `max` items. Items are checked by the ledger's admission.
 *
 * @example batchItems({ transactions: [a, b] }, 1000) // [a, b]
 */
export function batchItems(body: unknown, max: number): unknown[] {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new ProtocolError('INVALID_REQUEST', 'the body must be a signed transaction or { "transactions": [...] }')
  }
  if (!Object.hasOwn(body, 'transactions')) return [body]
  const { transactions, ...rest } = body as { transactions: unknown }
  const extra = Object.keys(rest)
  if (!Array.isArray(transactions) || extra.length > 0) {
    const issues = [
      ...(Array.isArray(transactions) ? [] : [{ path: 'transactions', message: 'expected an array' }]),
      ...extra.map((key) => ({ path: key, message: 'unrecognised key' })),
    ]
    throw new ProtocolError('INVALID_REQUEST', 'the batch is invalid', { details: { issues } })
  }
  if (transactions.length === 0) throw new ProtocolError('INVALID_REQUEST', 'the batch is empty')
  if (transactions.length > max) {
    throw new ProtocolError('PAYLOAD_TOO_LARGE', `a batch holds at most ${max} transactions`, {
      details: { maxBatchTransactions: max, received: transactions.length },
    })
  }
  return transactions
}
