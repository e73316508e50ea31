import { randomBytes } from 'node:crypto'
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'

/**
 * Pre-generates `count` signed notary stamps by one signer, on every core.
 * Done before any timing starts: the benchmark measures the server, and a
 * client's signing cost must not count against it.
 *
 * @example const txs = await signStamps({ member, network: 'sandbox', count: 10_000 })
 */
export async function signStamps({
  privateJwk,
  did,
  network,
  count,
  expiresInMs = 23 * 3600_000,
  threads = availableParallelism(),
}) {
  const run = randomBytes(6).toString('base64url')
  const share = Math.ceil(count / threads)
  const parts = await Promise.all(
    Array.from({ length: threads }, (_, t) => {
      const n = Math.max(0, Math.min(share, count - t * share))
      return n === 0 ? [] : signIn({ privateJwk, did, network, count: n, prefix: `${run}-${t}`, expiresInMs })
    }),
  )
  return parts.flat()
}

function signIn(workerData) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./signWorker.mjs', import.meta.url), { workerData })
    worker.once('message', resolve)
    worker.once('error', reject)
  })
}
