import { randomBytes } from 'node:crypto'
import { type PrivateJwk, toBase64Url } from '@tabularium/core'
import { signBytes } from '@tabularium/core/node'
import type { CommittedEvent, Ledger } from '@tabularium/ledger'
import { ProtocolError, type SignedTransaction, transactionId, transactionSigningInput } from '@tabularium/protocol'

/**
 * Signs a transaction with a key the node holds, submits it, and answers its
 * events once committed; a refusal or rejection is thrown with its code.
 *
 * @example const events = await submitSigned({ ledger, privateJwk, signer, module: p.module, action: 'allocateStatus', args })
 */
export async function submitSigned(p: {
  ledger: Ledger
  privateJwk: PrivateJwk
  signer: string
  module: string
  action: string
  args: Record<string, unknown>
}): Promise<CommittedEvent[]> {
  const tx = {
    v: 1 as const,
    network: p.ledger.genesis.network,
    module: p.module,
    action: p.action,
    args: p.args,
    signer: p.signer,
    nonce: toBase64Url(randomBytes(16)),
    expires: new Date(Date.now() + 5 * 60 * 1000).toISOString(),
  }
  const signed: SignedTransaction = {
    tx,
    sig: toBase64Url(signBytes({ privateJwk: p.privateJwk, data: transactionSigningInput(tx) })),
  }
  const txid = transactionId(signed)
  const events = waitForEvents(p.ledger, txid)
  const [result] = await p.ledger.submit([signed])
  if (result === undefined || !result.ok) {
    events.cancel()
    const error = result?.ok === false ? result.error : { code: 'INTERNAL', message: 'no result' }
    throw new ProtocolError(
      error.code as 'INTERNAL',
      error.message,
      error.details === undefined ? {} : { details: error.details },
    )
  }
  if (result.outcome.status !== 'accepted') {
    events.cancel()
    throw new ProtocolError(result.outcome.code as 'INTERNAL', result.outcome.message)
  }
  return events.promise
}

// Events of one transaction, from the ledger's subscription (they are not in the submit result).
function waitForEvents(ledger: Ledger, txid: string): { promise: Promise<CommittedEvent[]>; cancel(): void } {
  let unsubscribe = () => {}
  let timer: NodeJS.Timeout | undefined
  const promise = new Promise<CommittedEvent[]>((resolve, reject) => {
    timer = setTimeout(() => {
      unsubscribe()
      reject(new Error('events of the transaction never arrived'))
    }, 10_000)
    unsubscribe = ledger.subscribe((events) => {
      const mine = events.filter((e) => e.txid === txid)
      if (mine.length === 0) return
      clearTimeout(timer)
      unsubscribe()
      resolve(mine)
    })
  })
  promise.catch(() => {})
  return {
    promise,
    cancel: () => {
      clearTimeout(timer)
      unsubscribe()
    },
  }
}
