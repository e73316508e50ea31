// Signs notary stamps in a worker thread, so that pre-generating hundreds of
// thousands of transactions uses every core and stays out of the timings.
import { randomBytes } from 'node:crypto'
import { parentPort, workerData } from 'node:worker_threads'
import { signBytes } from '@tabularium/core/node'
import { buildTransaction, signTransaction } from '@tabularium/sdk'

const { privateJwk, did, network, count, prefix, expiresInMs } = workerData
const out = []
for (let i = 0; i < count; i++) {
  const tx = buildTransaction({
    network,
    module: 'notary',
    action: 'stamp',
    args: { hash: randomBytes(32).toString('hex') },
    signer: did,
    nonce: `${prefix}-${i}`,
    expiresInMs,
  })
  out.push(await signTransaction({ tx, sign: (data) => signBytes({ privateJwk, data }) }))
}
parentPort.postMessage(out)
