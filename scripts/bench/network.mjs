import { startTestNetwork } from '../../apps/cli/dist/testing/startTestNetwork.js'
import { log, percentile } from './machine.mjs'
import { postJson } from './postJson.mjs'
import { cpuPerTransaction, processCpu } from './processCpu.mjs'
import { signStamps } from './signing.mjs'

/**
 * A three-member network on this machine, as `tabularium devnet up` runs it:
 * a 3-member etcd cluster and three `tabularium node start` processes
 * (orderer etcd; each node verifies every transaction's signature and
 * executes every block). Stamps are signed before any timing (one signer per
 * organisation) and posted with wait=true to all three nodes at once.
 *
 * - throughput: after a warm-up run (a tenth of `count`, at most 6,000),
 *   `count` stamps in batches of `batchSize`, `clientsPerNode`
 *   batches in flight per node; the clock stops when every node's tree holds
 *   all of them (committed on all three, not only acknowledged by one). The
 *   network is CPU-bound on a small machine, so the CPU time each process
 *   used per transaction is reported too (`cpuMicrosPerTx`, from /proc), and
 *   the client posts through node:http, which costs it less than fetch;
 * - ack latency: an open-loop load of `rate` tx/s (batches of `perBatch`, spread
 *   over the nodes) for `latencySeconds`, from each batch's scheduled send
 *   to its answer;
 * - leader kill: the same load for `killSeconds`; the etcd leader is killed
 *   (SIGKILL) a third of the way in and restarted at two thirds; the longest
 *   time without an acknowledgement from any node is the ack gap.
 *
 * `nodeFlags` are node's own flags for the node processes (`--cpu-prof`:
 * they then stop with SIGTERM, so that profiles get written);
 * `onThroughput(net)` is called as the throughput run starts (to attach
 * `perf record`, say).
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
  nodeFlags = [],
  onThroughput = () => {},
}) {
  const warmBatches = Math.max(1, Math.round(Math.min(6000, count / 10) / batchSize / 3))
  const net = await startTestNetwork({ logLevel: 'warn', nodeOptions: () => ({ env, nodeFlags }) })
  try {
    const open = rate * (latencySeconds + killSeconds) + 2000
    const [bulk, small] = await Promise.all([
      presign(net, count + warmBatches * batchSize * net.targets.length, batchSize),
      presign(net, open, perBatch),
    ])
    // The nodes start cold: a first run at full load (a tenth of the count, at
    // most 6,000 stamps) lets V8 compile the hot paths, so that the measured
    // run is the steady state a node serving for hours is in.
    await runThroughput(
      net,
      bulk.map((b) => b.splice(0, warmBatches)),
      batchSize,
      clientsPerNode,
    )
    onThroughput(net) // e.g. a profiler attached for this phase only
    const throughput = await runThroughput(net, bulk, batchSize, clientsPerNode)
    log(`network: ${throughput.txPerSecond} tx/s committed on all three nodes (${throughput.transactions} stamps)`)
    log(`network: CPU µs per transaction ${JSON.stringify(throughput.cpuMicrosPerTx)}`)
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
    // A profiled node writes its profile only when it exits on its own (SIGTERM), not killed.
    if (nodeFlags.length > 0) await Promise.all(net.state.nodes.map((_, i) => net.stopNode(i, 30_000)))
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

function post(url, body) {
  return postJson(`${url}/v1/transactions?wait=true`, body)
}

async function treeSizes(net) {
  return Promise.all(net.targets.map(async (t) => (await (await fetch(`${t.url}/v1/checkpoint`)).json()).treeSize))
}

/** CPU used so far by each process of the network and by this one (the client). */
function cpuNow(net) {
  const client = process.cpuUsage()
  return {
    etcd: net.state.etcd.map((m) => processCpu(m.pid)),
    nodes: net.state.nodes.map((n) => processCpu(n.pid)),
    client: { total: client.user + client.system, main: undefined },
  }
}

/** CPU µs per transaction: per etcd member, per node (all threads and main thread), the client, and their sum. */
function cpuBetween(before, after, transactions) {
  const etcd = before.etcd.map((b, i) => cpuPerTransaction(b, after.etcd[i], transactions)?.total)
  const nodes = before.nodes.map((b, i) => cpuPerTransaction(b, after.nodes[i], transactions))
  const client = Math.round((after.client.total - before.client.total) / transactions)
  const sum = [...etcd, ...nodes.map((n) => n?.total), client].reduce((a, b) => a + (b ?? 0), 0)
  return { etcd, nodes, client, sum }
}

/** Blocks committed by the first node (every node cuts the same blocks), from its /metrics. */
async function blockCount(net) {
  const text = await (await fetch(`${net.targets[0].url}/metrics`)).text()
  return Number(/^tabularium_blocks_total (\d+)/m.exec(text)?.[1] ?? Number.NaN)
}

async function runThroughput(net, bodies, batchSize, clientsPerNode) {
  const base = Math.max(...(await treeSizes(net)))
  const queues = bodies.map((b) => b.splice(0))
  const transactions = queues.reduce((n, q) => n + q.length, 0) * batchSize
  const blocksBefore = await blockCount(net)
  const cpuBefore = cpuNow(net)
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
    cpuMicrosPerTx: cpuBetween(cpuBefore, cpuNow(net), transactions),
    transactionsPerBlock: Math.round(transactions / ((await blockCount(net)) - blocksBefore)),
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
