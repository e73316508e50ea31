import { type PrivateJwk, toBase64Url } from '@tabularium/core'
import { signBytes } from '@tabularium/core/node'
import { type SignedTransaction, transactionSigningInput } from '@tabularium/protocol'

let counter = 0

/**
 * Signs a transaction envelope for tests: a fresh nonce, expiring an hour
 * after `now`.
 *
 * @example signTestTransaction({ privateJwk, did, network: 'sandbox', module: 'notary', action: 'stamp', args: { hash }, now: Date.now() })
 */
export function signTestTransaction(p: {
  privateJwk: PrivateJwk
  did: string
  network: string
  module: string
  action: string
  args: Record<string, unknown>
  now: number
}): SignedTransaction {
  const tx = {
    v: 1 as const,
    network: p.network,
    module: p.module,
    action: p.action,
    args: p.args,
    signer: p.did,
    nonce: `test-${process.pid}-${++counter}`,
    expires: new Date(p.now + 3_600_000).toISOString(),
  }
  return { tx, sig: toBase64Url(signBytes({ privateJwk: p.privateJwk, data: transactionSigningInput(tx) })) }
}
