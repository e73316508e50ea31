import type { SignedTransaction } from '@tabularium/protocol'
import { SdkError } from '../errors.js'
import type { CommittedResult, SubmitResult } from '../wire.js'
import { type createRequester, errorFromBody } from './request.js'

type Request = ReturnType<typeof createRequester>

/** Options of `client.submit`. */
export interface SubmitParameters {
  transaction: SignedTransaction
  /**
   * Wait for the durable commit and get a receipt (default true); `'final'`
   * waits until a quorum of members cosigned a checkpoint holding it, so the
   * receipt verifies against a multi-member genesis.
   */
  wait?: boolean | 'final'
  signal?: AbortSignal
}

/** Options of `client.submitBatch`. */
export interface SubmitBatchParameters {
  transactions: readonly SignedTransaction[]
  wait?: boolean | 'final'
  signal?: AbortSignal
}

/** The answer to a batch: 200 all committed, 207 mixed, 4xx all refused. */
export interface SubmitBatchResult {
  status: number
  results: SubmitResult[]
}

/** Submits one transaction; throws an `SdkError` with the server's code when it is refused. */
export async function submitOne(request: Request, p: SubmitParameters): Promise<CommittedResult> {
  const { status, results } = await submitBatch(request, {
    transactions: [p.transaction],
    ...(p.wait === undefined ? {} : { wait: p.wait }),
    ...(p.signal === undefined ? {} : { signal: p.signal }),
  })
  const result = results[0]
  if (result === undefined) throw new SdkError('INVALID_RESPONSE', 'the node answered with no result')
  if (!result.ok) throw errorFromBody(status, { error: result.error })
  return result
}

/**
 * Submits a batch (≤ 1000). A batch whose every transaction is refused is
 * answered 4xx *with* its results, so the results are returned, not thrown:
 * the caller sees each transaction's own reason.
 */
export async function submitBatch(request: Request, p: SubmitBatchParameters): Promise<SubmitBatchResult> {
  const { wait = true } = p
  const { status, body } = await request<{ results?: unknown }>({
    method: 'POST',
    path: '/v1/transactions',
    query: { wait },
    body: { transactions: p.transactions },
    signal: p.signal,
    acceptStatus: (_status, body) => Array.isArray((body as { results?: unknown } | undefined)?.results),
  })
  if (!Array.isArray(body?.results) || body.results.length !== p.transactions.length) {
    throw new SdkError('INVALID_RESPONSE', 'expected one result per submitted transaction', { details: { status } })
  }
  return { status, results: body.results as SubmitResult[] }
}
