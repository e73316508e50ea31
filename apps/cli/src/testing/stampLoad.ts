import { randomBytes } from 'node:crypto'
import type { PrivateJwk } from '@tabularium/core'
import { signBytes } from '@tabularium/core/node'
import type { Receipt } from '@tabularium/log'
import { buildTransaction, createClient, type SubmitResult, signTransaction } from '@tabularium/sdk'

/** A receipt the node returned, with the txid it acknowledged. */
export interface Acknowledged {
  txid: string
  index: number
  receipt: Receipt
}

/** Options of `runStampLoad`. */
export interface StampLoadParameters {
  url: string
  network: string
  did: string
  privateJwk: PrivateJwk
  /** Concurrent clients, each sending one batch at a time. */
  clients?: number
  batchSize?: number
  /** Every acknowledged receipt is pushed here as soon as its response arrives. */
  acknowledged: Acknowledged[]
}

/**
 * A sustained load of notary stamps: `clients` loops each submitting batches
 * with wait=true, until a request fails (the node was killed). Resolves with
 * the number of batches sent; receipts go to `acknowledged` as they come.
 *
 * @example await runStampLoad({ url, network, did, privateJwk, acknowledged })
 */
export async function runStampLoad(p: StampLoadParameters): Promise<number> {
  const { clients = 3, batchSize = 100 } = p
  const client = createClient({ baseUrl: p.url })
  let batches = 0
  const loop = async () => {
    for (;;) {
      const transactions = await Promise.all(Array.from({ length: batchSize }, () => signedStamp(p)))
      let results: SubmitResult[]
      try {
        results = (await client.submitBatch({ transactions, wait: true })).results
      } catch {
        return // the node is gone: this is the kill
      }
      batches++
      for (const result of results) {
        if (!result.ok || result.receipt === undefined)
          throw new Error(`a stamp was refused: ${JSON.stringify(result)}`)
        p.acknowledged.push({ txid: result.txid, index: result.index, receipt: result.receipt })
      }
    }
  }
  await Promise.all(Array.from({ length: clients }, loop))
  return batches
}

function signedStamp(p: StampLoadParameters) {
  const tx = buildTransaction({
    network: p.network,
    module: 'notary',
    action: 'stamp',
    args: { hash: randomBytes(32).toString('hex') },
    signer: p.did,
  })
  return signTransaction({ tx, sign: (data) => signBytes({ privateJwk: p.privateJwk, data }) })
}
