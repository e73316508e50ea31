import { startTestNetwork } from '../../apps/cli/dist/testing/startTestNetwork.js'
import { log, percentile } from './machine.mjs'
import { signStamps } from './signing.mjs'

/**
 * A three-member network on this machine, as `tabularium devnet up` runs it:
 * a 3-member etcd cluster and three `tabularium node start` processes
 * (orderer etcd; each node verifies every transaction's signature and
 * executes every block). Stamps are signed before any timing (one signer per
 * organisation) and posted with wait=true to all three nodes at once.
 *
 * - throughput: `count` stamps in batches of `batchSize`, `clientsPerNode`
 *   batches in flight per node; the clock stops when every node's tree holds
 *   all of them (committed on all three, not only acknowledged by one);
 * - ack latency: an open-loop load of `rate` tx/s (batches of `perBatch`, spread
 *   over the nodes) for `latencySeconds`, from each batch's scheduled send
 *   to its answer;
 * - leader kill: the same load for `killSeconds`; the etcd leader is killed
 *   (SIGKILL) a third of the way in and restarted at two thirds; the longest
 *   time without an acknowledgement from any node is the ack gap.
 *
 * @example const r = await measureNetwork({ count: 20_000, latencySeconds: 4, killSeconds: 6 })
 */
export async function measureNetwork({
  count,
  batchSize = 250,
  clientsPerNode = 4,
  rate = 500,
  perBatch = 10,
  latencySeconds = 4,
  killSeconds = 6,
  env = {},
}) {
  const net = await startTestNetwork({ logLevel: 'warn', nodeOptions: () => ({ env }) })
  try {
    const open = rate * (latencySeconds + killSeconds) + 2000
    const [bulk, small] = await Promise.all([
      presign(net, count + 3 * batchSize, batchSize),
      presign(net, open, perBatch),
    ])
    await Promise.all(net.targets.map((t, i) => post(t.url, bulk[i].shift()))) // warm-up
    const throughput = await runThroughput(net, bulk, batchSize, clientsPerNode)
    log(`network: ${throughput.txPerSecond} tx/s committed on all three nodes (${throughput.transactions} stamps)`)
    const latency = await runOpenLoop(net, small, rate, perBatch, latencySeconds)
    log(`network: ack latency at ${rate} tx/s p50 ${latency.p50} ms, p99 ${latency.p99} ms`)
    const kill = await runOpenLoop(net, small, rate, perBatch, killSeconds, async (seconds) => {
      const leader = await net.etcdLeader()
      await sleep((seconds * 1000) / 3)
      const killedAt = performance.now()
      await net.stopEtcd(leader, 0)
      await sleep((seconds * 1000) / 3)
      await net.startEtcd(leader)
      return { leader, killedAt }
    })
    log(`network: etcd leader killed, longest ack gap ${kill.gapMs} ms`)
    return {
      ...throughput,
      rate,
      p50: latency.p50,
      p99: latency.p99,
      leader: kill.leader,
      gapMs: kill.gapMs,
      killRefused: kill.refused,
    }
  } finally {
    await net.close()
  }
}

/** Per node, pre-serialised batch bodies signed by that node's organisation. */
async function presign(net, total, batchSize) {
  // Whole batches only, so that counts of batches and of transactions agree.
  const perNode = Math.ceil(total / net.targets.length / batchSize) * batchSize
  return Promise.all(
    net.targets.map(async (t) => {
      const txs = await signStamps({
        privateJwk: t.privateJwk,
        did: t.did,
        network: net.genesis.network,
        count: perNode,
      })
      const out = []
      for (let i = 0; i < txs.length; i += batchSize) {
        out.push(JSON.stringify({ transactions: txs.slice(i, i + batchSize) }))
      }
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
  return Promise.all(net.targets.map(async (t) => (await (await fetch(`${t.url}/v1/checkpoint`)).json()).treeSize))
}

async function runThroughput(net, bodies, batchSize, clientsPerNode) {
  const base = Math.max(...(await treeSizes(net)))
  const queues = bodies.map((b) => b.splice(0))
  const transactions = queues.reduce((n, q) => n + q.length, 0) * batchSize
  const started = performance.now()
  const clients = net.targets.flatMap((t, i) =>
    Array.from({ length: clientsPerNode }, async () => {
      for (let body = queues[i].shift(); body !== undefined; body = queues[i].shift()) {
        const status = await post(t.url, body)
        if (status !== 200) throw new Error(`node ${i} answered ${status}`)
      }
    }),
  )
  await Promise.all(clients)
  const acked = performance.now()
  while (Math.min(...(await treeSizes(net))) < base + transactions) await sleep(20)
  const done = performance.now()
  return {
    transactions,
    txPerSecond: Math.round(transactions / ((done - started) / 1000)),
    ackedTxPerSecond: Math.round(transactions / ((acked - started) / 1000)),
  }
}

/**
 * Sends batches on a fixed schedule (open loop: a slow answer does not slow
 * the sender), round-robin over the nodes; `during` runs alongside (the
 * fault). Answers latency percentiles and the longest gap between
 * acknowledgements after `during`'s `killedAt`.
 */
async function runOpenLoop(net, bodies, rate, perBatch, seconds, during) {
  const intervalMs = (1000 * perBatch) / rate
  const total = Math.floor((seconds * 1000) / intervalMs)
  const latencies = []
  const acks = []
  let refused = 0
  const started = performance.now()
  const sends = []
  const fault = during?.(seconds)
  for (let k = 0; k < total; k++) {
    const at = started + k * intervalMs
    const wait = at - performance.now()
    if (wait > 0) await sleep(wait)
    const node = k % net.targets.length
    const body = bodies[node].shift()
    if (body === undefined) break
    sends.push(
      post(net.targets[node].url, body).then(
        (status) => {
          const now = performance.now()
          if (status === 200) {
            latencies.push(now - at)
            acks.push(now)
          } else refused++
        },
        () => refused++,
      ),
    )
  }
  await Promise.all(sends)
  const { leader, killedAt } = (await fault) ?? { leader: undefined, killedAt: started }
  latencies.sort((a, b) => a - b)
  const times = [killedAt, ...acks.filter((a) => a >= killedAt).sort((a, b) => a - b)]
  let gap = 0
  for (let i = 1; i < times.length; i++) gap = Math.max(gap, times[i] - times[i - 1])
  return {
    p50: Math.round(percentile(latencies, 50) * 10) / 10,
    p99: Math.round(percentile(latencies, 99) * 10) / 10,
    leader,
    gapMs: Math.round(gap),
    refused,
  }
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
