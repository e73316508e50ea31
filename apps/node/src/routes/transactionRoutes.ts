import type { Ledger } from '@tabularium/ledger'
import { LIMITS, ProtocolError } from '@tabularium/protocol'
import { Hono } from 'hono'
import type { AppEnv } from '../http/appEnv.js'
import { parseInput } from '../http/parseInput.js'
import { readJsonBody } from '../http/readJsonBody.js'
import { SubmitQuery, TxidParams } from '../http/schemas.js'
import { batchItems, submitResponse } from './submitResponse.js'

/** Options of `transactionRoutes`. */
export interface TransactionRoutesParameters {
  ledger: Ledger
  /** Aborted when the node shuts down: new submissions get NODE_STOPPED. */
  shutdown: AbortSignal
}

/**
 * POST /v1/transactions (one or a batch) and GET /v1/transactions/:txid.
 *
 * @example app.route('/', transactionRoutes({ ledger, shutdown }))
 */
export function transactionRoutes({ ledger, shutdown }: TransactionRoutesParameters): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  app.post('/v1/transactions', async (c) => {
    const { wait } = parseInput({ schema: SubmitQuery, input: c.req.query(), what: 'query' })
    const body = await readJsonBody({ request: c.req.raw, maxBytes: LIMITS.maxBodyBytes })
    const items = batchItems(body, LIMITS.maxBatchTransactions)
    refuseUnverifiedApplications(items)
    if (shutdown.aborted) throw new ProtocolError('NODE_STOPPED', 'the node is shutting down')
    const results = await ledger.submit(items, { receipts: wait === 'final' ? 'final' : wait === 'true' })
    const { status, body: answer } = submitResponse(results)
    if (answer.error?.code === 'OVERLOADED') c.header('Retry-After', '1')
    return c.json(answer, status as 200)
  })
  app.get('/v1/transactions/:txid', (c) => {
    const { txid } = parseInput({ schema: TxidParams, input: c.req.param(), what: 'path' })
    const record = ledger.transaction(txid)
    if (record === undefined) throw new ProtocolError('NOT_FOUND', 'no transaction with that id', { details: { txid } })
    return c.json({
      index: record.index,
      txid: record.txid,
      entry: record.entry,
      receipt: ledger.receipt(record.index),
    })
  })
  return app
}

// `grants.apply` needs the applicant's legal-entity credential verified first (grantApplicationRoutes).
function refuseUnverifiedApplications(items: unknown[]): void {
  for (const item of items) {
    const tx = (item as { tx?: { module?: unknown; action?: unknown } } | null)?.tx
    if (tx?.module === 'grants' && tx.action === 'apply')
      throw new ProtocolError(
        'INVALID_REQUEST',
        'grants.apply goes through POST /v1/grants/calls/:call/applications with the legal-entity credential',
      )
  }
}
