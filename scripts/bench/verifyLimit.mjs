// The machine's own limit: Ed25519 verifications per second with node:crypto
// on every core (worker_threads). Every other throughput figure is compared
// with this one, so the benchmark says how close the ledger gets to the
// hardware rather than quoting a number without a yardstick.
import { generateKeyPairSync, sign } from 'node:crypto'
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads')
const { createPublicKey, verify } = require('node:crypto')
const key = createPublicKey({ key: workerData.publicKey, format: 'der', type: 'spki' })
const data = Buffer.from(workerData.data)
const signature = Buffer.from(workerData.signature)
// Warm up, then count verifications until the deadline.
for (let i = 0; i < 200; i++) verify(null, data, key, signature)
const deadline = performance.now() + workerData.ms
let count = 0
while (performance.now() < deadline) {
  for (let i = 0; i < 100; i++) if (!verify(null, data, key, signature)) throw new Error('bad signature')
  count += 100
}
parentPort.postMessage(count)
`

/**
 * Verifications per second on all cores, over a message the size of a
 * typical transaction's signing input (~300 bytes).
 *
 * @example const { value } = await measureVerifyLimit({ ms: 2000 })
 */
export async function measureVerifyLimit({ ms = 3000, threads = availableParallelism() } = {}) {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519')
  const data = Buffer.alloc(300, 7)
  const workerData = {
    publicKey: publicKey.export({ format: 'der', type: 'spki' }),
    data,
    signature: sign(null, data, privateKey),
    ms,
  }
  const started = performance.now()
  const counts = await Promise.all(Array.from({ length: threads }, () => runWorker(workerData)))
  const elapsed = (performance.now() - started) / 1000
  const total = counts.reduce((a, b) => a + b, 0)
  // Divide by the wall time of the slowest worker: that includes start-up,
  // so it is a slight under-estimate, never an over-estimate.
  return { value: Math.round(total / Math.max(elapsed, ms / 1000)), threads }
}

function runWorker(workerData) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData })
    worker.once('message', resolve)
    worker.once('error', reject)
  })
}
