import { startTestNetwork } from '../../apps/cli/dist/testing/startTestNetwork.js'
import { log, percentile } from './machine.mjs'
import { signStamps } from './signing.mjs'

/**
 * A three-member network on this machine, as `tabularium devnet up` runs it:
 * a 3-member etcd cluster and three `tabularium node start` processes
 * (orderer etcd; each node verifies every transaction's signature and
 * executes every block). Pre-signed stamps (one signer per organisation)
 * are posted in batches, with wait=true, to all three nodes at once.
 *
 * - throughput: `count` stamps; the clock stops when every node's tree holds
 *   all of them (committed on all three, not only acknowledged by one);
 * - ack latency: send to answer of each batch request under that load;
 * - leader kill: a steadier load for `killSeconds`; the etcd leader is
 *   killed (SIGKILL) a third of the way in and restarted at two thirds; the
 *   longest time without any acknowledgement from any node is reported.
 *
 * @example const r = await measureNetwork({ count: 30_000, killSeconds: 9 })
 */
export async function measureNetwork({ count, batchSize = 250, clientsPerNode = 4, killSeconds = 9 }) {
  const net = await startTestNetwork({ logLevel: 'warn' })
  try {
    const bodies = await presign(net, count + 3 * batchSize, batchSize)
    const steady = await presign(net, killSeconds * 4000, 50)
    // Warm-up: one batch per node.
    await Promise.all(net.targets.map((t, i) => post(t.url, bodies[i].shift())))
    const throughput = await runThroughput(net, bodies, count, batchSize, clientsPerNode)
    log(`network: ${throughput.txPerSecond} tx/s on all three nodes; ack p50 ${throughput.p50} ms, p99 ${throughput.p99} ms`)
    const kill = await runLeaderKill(net, steady, killSeconds)
    log(`network: leader m${kill.leader} killed; longest ack gap ${kill.gapMs} ms`)
    return { ...throughput, ...kill }
  } finally {
    await net.close()
  }
}

/** Per node, pre-serialised batch bodies signed by that node's organisation. */
async function presign(net, total, batchSize) {
  const perNode = Math.ceil(total / net.targets.length)
  return Promise.all(
    net.targets.map(async (t) => {
      const txs = await signStamps({ privateJwk: t.privateJwk, did: t.did, network: net.genesis.network, count: perNode })
      const out = []
      for (let i = 0; i < txs.length; i += batchSize) out.push(JSON.stringify({ transactions: txs.slice(i, i + batchSize) }))
      return out
    }),
  )
}

async function post(url, body) {
  const response = await fetch(`${url}/v1/transactions?wait=true`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  })
  await response.arrayBuffer()
  return response.status
}

async function treeSizes(net) {
  return Promise.all(
    net.targets.map(async (t) => (await (await fetch(`${t.url}/v1/checkpoint`)).json()).treeSize),
  )
}

async function runThroughput(net, bodies, count, batchSize, clientsPerNode) {
  const base = Math.max(...(await treeSizes(net)))
  const batches = Math.ceil(count / batchSize / net.targets.length)
  const queues = bodies.map((b) => b.splice(0, batches))
  const committed = batches * batchSize * net.targets.length
  const latencies = []
  const started = performance.now()
  const clients = net.targets.flatMap((t, i) =>
    Array.from({ length: clientsPerNode }, async () => {
      for (let body = queues[i].shift(); body !== undefined; body = queues[i].shift()) {
        const sent = performance.now()
        const status = await post(t.url, body)
        if (status !== 200) throw new Error(`node ${i} answered ${status}`)
        latencies.push(performance.now() - sent)
      }
    }),
  )
  await Promise.all(clients)
  const acked = performance.now()
  while (Math.min(...(await treeSizes(net))) < base + committed) await new Promise((r) => setTimeout(r, 20))
  const done = performance.now()
  latencies.sort((a, b) => a - b)
  return {
    transactions: committed,
    txPerSecond: Math.round(committed / ((done - started) / 1000)),
    ackedTxPerSecond: Math.round(committed / ((acked - started) / 1000)),
    p50: Math.round(percentile(latencies, 50) * 10) / 10,
    p99: Math.round(percentile(latencies, 99) * 10) / 10,
  }
}

async function runLeaderKill(net, bodies, seconds) {
  const acks = []
  const stopAt = performance.now() + seconds * 1000
  let failures = 0
  // Smaller batches, two clients per node: a steady stream of acknowledgements.
  const clients = net.targets.flatMap((t, i) =>
    Array.from({ length: 2 }, async () => {
      while (performance.now() < stopAt) {
        const body = bodies[i].shift()
        if (body === undefined) return
        try {
          if ((await post(t.url, body)) === 200) acks.push(performance.now())
          else failures++
        } catch {
          failures++
        }
      }
    }),
  )
  const leader = await net.etcdLeader()
  await new Promise((r) => setTimeout(r, (seconds * 1000) / 3))
  const killedAt = performance.now()
  await net.stopEtcd(leader, 0)
  await new Promise((r) => setTimeout(r, (seconds * 1000) / 3))
  await net.startEtcd(leader)
  await Promise.all(clients)
  const times = [killedAt, ...acks.filter((a) => a >= killedAt).sort((a, b) => a - b)]
  let gap = 0
  for (let i = 1; i < times.length; i++) gap = Math.max(gap, times[i] - times[i - 1])
  return { leader, gapMs: Math.round(gap), killFailures: failures, acksAfterKill: times.length - 1 }
}
