import { spawnNode } from './nodeProcess.mjs'
import { createBenchSandbox, removeBenchSandbox } from './sandbox.mjs'
import { signStamps } from './signing.mjs'

/**
 * Committed notary stamps per second over real HTTP: a node in its own
 * process on 127.0.0.1, `clients` concurrent clients each posting pre-signed,
 * pre-serialised batches of `batchSize` with wait=true (so every answer
 * carries receipts). Clients do not parse the answers (only the status), so
 * that on a small machine their work takes as little as possible from the
 * server's cores.
 */
export async function measureHttpThroughput({ count, batchSize = 500, clients = 4 }) {
  const sandbox = await createBenchSandbox()
  const transactions = await signStamps({ ...sandbox.signer, count: count + 4 * batchSize })
  const bodies = []
  for (let i = 0; i < transactions.length; i += batchSize) {
    bodies.push(JSON.stringify({ transactions: transactions.slice(i, i + batchSize) }))
  }
  const node = await spawnNode({ dir: sandbox.dir })
  try {
    const post = async (body) => {
      const response = await fetch(`${node.url}/v1/transactions?wait=true`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      })
      await response.arrayBuffer()
      if (response.status !== 200) throw new Error(`HTTP ${response.status}`)
    }
    await Promise.all(bodies.slice(0, 4).map(post)) // warm-up
    const queue = bodies.slice(4)
    const started = performance.now()
    await Promise.all(
      Array.from({ length: clients }, async () => {
        for (let body = queue.shift(); body !== undefined; body = queue.shift()) await post(body)
      }),
    )
    return count / ((performance.now() - started) / 1000)
  } finally {
    await node.stop()
    removeBenchSandbox(sandbox)
  }
}
