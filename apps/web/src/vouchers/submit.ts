import { buildTransaction, signTransaction } from '@tabularium/sdk'
import { ApiError, submitTransaction } from '../api/client.js'
import { type StoredKey, signBytes } from '../lib/keys.js'
import { type VouchersKey, vt } from './i18n/vt.js'

/** A refusal of the node or the ledger, with its stable code. */
export class Refusal extends Error {
  override name = 'Refusal'
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

/**
 * Signs a `vouchers` (or other module's) transaction with a key kept in this
 * browser, submits it and waits; answers the txid and index, or throws a
 * `Refusal` with the code of the admission error or the rejected entry.
 */
export async function sendTx(p: {
  key: StoredKey
  network: string
  action: string
  args: Record<string, unknown>
  module?: string
}): Promise<{ txid: string; index: number }> {
  const tx = buildTransaction({
    network: p.network,
    module: p.module ?? 'vouchers',
    action: p.action,
    args: p.args,
    signer: p.key.did,
  })
  const signed = await signTransaction({ tx, sign: (bytes) => signBytes(p.key, bytes) })
  let result: Awaited<ReturnType<typeof submitTransaction>>
  try {
    result = await submitTransaction(signed)
  } catch (error) {
    if (error instanceof ApiError) throw new Refusal(error.code, error.message)
    throw error
  }
  if (!result.ok) throw new Refusal(result.error.code, result.error.message)
  if (result.outcome.status === 'rejected') throw new Refusal(result.outcome.code, result.outcome.message)
  return { txid: result.txid, index: result.index }
}

const REASONS: Record<string, VouchersKey> = {
  INSUFFICIENT_BALANCE: 'reason.INSUFFICIENT_BALANCE',
  VOUCHER_EXPIRED: 'reason.VOUCHER_EXPIRED',
  VOUCHER_NOT_FOUND: 'reason.VOUCHER_NOT_FOUND',
  PROVIDER_NOT_APPROVED: 'reason.PROVIDER_NOT_APPROVED',
  WRONG_PIN: 'reason.WRONG_PIN',
  USAGE_LIMIT_REACHED: 'reason.USAGE_LIMIT_REACHED',
  OFFER_NOT_ALLOWED: 'reason.OFFER_NOT_ALLOWED',
  FUND_CLOSED: 'reason.FUND_CLOSED',
  NOT_ELIGIBLE: 'reason.NOT_ELIGIBLE',
  ALREADY_EXISTS: 'reason.ALREADY_EXISTS',
  BUDGET_EXHAUSTED: 'reason.BUDGET_EXHAUSTED',
  HOLDER_BINDING_INVALID: 'reason.HOLDER_BINDING_INVALID',
  NOT_OWNER: 'reason.NOT_OWNER',
  UNAUTHORISED: 'reason.UNAUTHORISED',
  INVALID_ARGS: 'reason.INVALID_ARGS',
  ISSUER_NOT_CONFIGURED: 'reason.ISSUER_NOT_CONFIGURED',
  NETWORK: 'reason.NETWORK',
}

/** One sentence for a refusal; the node's own words for codes without one. */
export function reasonOf(error: unknown): string {
  const { code = 'NETWORK', message = String(error) } = error as { code?: string; message?: string }
  const key = REASONS[code]
  return key ? vt(key) : vt('reason.other', { code, message })
}
