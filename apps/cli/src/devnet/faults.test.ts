import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { after, before, type TestContext, test } from 'node:test'
import { createClient } from '@tabularium/sdk'
import { alterLedger, stateDigestAfter } from '../testing/alterLedger.js'
import { checkNetwork } from '../testing/checkNetwork.js'
import {
  type Acknowledgement,
  longestAckGap,
  signStamp,
  startNotaryWorkload,
  type Workload,
  type WorkloadTarget,
} from '../testing/notaryWorkload.js'
import { startTestNetwork, type TestNetwork } from '../testing/startTestNetwork.js'
import { startTcpProxy, type TcpProxy } from '../testing/tcpProxy.js'
import { nodeReadiness } from './nodeProcesses.js'
import { waitUntil } from './waitUntil.js'

// Issue 7: a network of three member organisations — a 3-member etcd cluster
// and three `tabularium node start` processes — under a workload of signed
// notary stamps sent over HTTP to every node. After each fault: no
// acknowledged transaction is lost, the healthy nodes converge on identical
// (final, cosigned) checkpoints, and an altered node stops writing.

/** Node 2 reaches etcd only through proxies, so that it can be cut off. */
const CUT = 2
/** The node whose SQLite file is altered. */
const ALTERED = 1
const ALL = [0, 1, 2]

let net: TestNetwork
let proxies: TcpProxy[] = []
const acks: Acknowledgement[] = []
let failed = false

before(async () => {
  net = await startTestNetwork({
    prepare: async (state) => {
      proxies = await Promise.all(state.etcd.map((m) => startTcpProxy({ port: m.clientPort })))
    },
    nodeOptions: (i) => {
      if (i !== CUT) return {}
      const urls = proxies.map((p) => p.url)
      return { etcdEndpoints: [...urls.slice(i), ...urls.slice(0, i)] }
    },
  })
})

after(async () => {
  await net?.close({ keepDir: failed })
  if (failed && net !== undefined) console.error(`network kept for a post-mortem: ${net.dir}`)
  for (const proxy of proxies) await proxy.close()
})

function startLoad(): Workload {
  return startNotaryWorkload({ network: net.genesis.network, targets: net.targets, acks })
}

/** Waits until each of `nodes` acknowledged `count` transactions since `since`. */
function untilAcks(load: Workload, since: number, nodes: number[], count: number, what: string) {
  return waitUntil({
    what: `${what}: ${count} acknowledgements from each of nodes ${nodes.join(', ')}`,
    timeoutMs: 40_000,
    check: () => (nodes.every((n) => load.acksSince(since, n) >= count) ? true : undefined),
  })
}

async function treeSize(node: number): Promise<number> {
  return (await createClient({ baseUrl: net.targets[node]?.url as string }).getCheckpoint()).treeSize
}

/** The network-level assertions, shared by every fault. */
async function assertNetwork(
  t: TestContext,
  healthy: number[],
  extra: string[] = [],
  trustReceipt?: (ack: Acknowledgement) => boolean,
) {
  const nodes = healthy.map((i) => ({ id: net.state.nodes[i]?.id as string, url: net.targets[i]?.url as string }))
  const check = await checkNetwork({ nodes, genesis: net.genesis, acks, ...(trustReceipt ? { trustReceipt } : {}) })
  t.diagnostic(
    `${acks.length} acknowledged in all; converged at size ${check.head?.treeSize}; final ${
      check.final === undefined ? 'none' : `${check.final.treeSize} by ${check.final.cosigners.join(', ')}`
    }; ${check.consistencyProofs} receipt tree sizes proven consistent`,
  )
  const failures = [...extra, ...check.failures]
  if (failures.length > 0) failed = true
  assert.deepEqual(failures, [])
  return check
}

function describeFailures(load: Workload): string {
  return [...load.failures].map(([code, n]) => `${code} ×${n}`).join(', ') || 'none'
}

test('the etcd leader is killed and restarted under load', { timeout: 120_000 }, async (t) => {
  const load = startLoad()
  let gap: ReturnType<typeof longestAckGap>
  let killedAt: number
  try {
    await untilAcks(load, performance.now(), ALL, 40, 'warm-up')
    const leader = await net.etcdLeader()
    killedAt = performance.now()
    await net.stopEtcd(leader, 0)
    await untilAcks(load, killedAt, ALL, 100, 'with the leader dead')
    const restartedAt = performance.now()
    gap = longestAckGap(acks, killedAt, restartedAt)
    await net.startEtcd(leader)
    await untilAcks(load, performance.now(), ALL, 40, 'after the restart')
    t.diagnostic(
      `etcd leader m${leader} killed: longest gap between acknowledgements ${Math.round(gap.ms)} ms, starting ${Math.round(
        gap.startedAt - killedAt,
      )} ms after the kill; ${load.acksSince(killedAt)} acknowledged while it was down (${Math.round(
        restartedAt - killedAt,
      )} ms)`,
    )
  } finally {
    await load.stop()
  }
  t.diagnostic(`refusals and failed requests: ${describeFailures(load)}`)
  await assertNetwork(t, ALL)
})

test('a node is killed with SIGKILL and restarted under load', { timeout: 120_000 }, async (t) => {
  const load = startLoad()
  const victim = 1
  try {
    await untilAcks(load, performance.now(), ALL, 40, 'warm-up')
    const killedAt = performance.now()
    await net.stopNode(victim, 0)
    // The others go on without it.
    await untilAcks(load, killedAt, [0, 2], 150, 'with node 1 dead')
    await net.startNode(victim)
    await untilAcks(load, performance.now(), ALL, 40, 'after the restart')
  } finally {
    await load.stop()
  }
  t.diagnostic(`refusals and failed requests: ${describeFailures(load)}`)
  await assertNetwork(t, ALL)
})

test('a node cut off from etcd and reconnected catches up', { timeout: 120_000 }, async (t) => {
  const load = startLoad()
  const problems: string[] = []
  try {
    await untilAcks(load, performance.now(), ALL, 40, 'warm-up')
    for (const proxy of proxies) proxy.cut()
    const cutAt = performance.now()
    // Bytes already past the proxy may still land; after that, nothing.
    await new Promise((resolve) => setTimeout(resolve, 300))
    const frozen = await treeSize(CUT)
    const othersBefore = await treeSize(0)
    await untilAcks(load, cutAt, [0, 1], 150, `with node ${CUT} cut off`)
    // Long enough for its etcd calls to pass their 2 s deadline and be retried.
    await waitUntil({
      what: 'the others to grow 300 entries during a cut of at least 3 s',
      check: async () =>
        (await treeSize(0)) >= othersBefore + 300 && performance.now() - cutAt > 3_000 ? true : undefined,
    })
    const during = await treeSize(CUT)
    if (during !== frozen) problems.push(`node ${CUT} grew from ${frozen} to ${during} while cut off from etcd`)
    t.diagnostic(
      `node ${CUT} cut off for ${Math.round(performance.now() - cutAt)} ms at size ${frozen}, while the others went from ${othersBefore} to ${await treeSize(0)}`,
    )
    for (const proxy of proxies) proxy.heal()
    await untilAcks(load, performance.now(), [CUT], 40, 'after reconnecting')
  } finally {
    for (const proxy of proxies) proxy.heal()
    await load.stop()
  }
  t.diagnostic(`refusals and failed requests: ${describeFailures(load)}`)
  await assertNetwork(t, ALL, problems)
})

test('a node whose SQLite file is altered behind its back is detected and stops writing; the others go on', {
  timeout: 120_000,
}, async (t) => {
  const problems: string[] = []
  const load = startLoad()
  const hash = randomBytes(32).toString('hex')
  let trigger: { index: number; txid: string } | undefined
  let alteredAt = Number.POSITIVE_INFINITY
  let detectedAt = Number.POSITIVE_INFINITY
  try {
    await untilAcks(load, performance.now(), ALL, 40, 'warm-up')
    // A stamp every node holds, then its state row changed on one node only.
    const first = await stamp(0, hash)
    await waitUntil({
      what: `node ${ALTERED} to hold the first stamp`,
      check: () => createClient({ baseUrl: net.targets[ALTERED]?.url as string }).getTransaction({ txid: first.txid }),
    })
    alteredAt = performance.now()
    alterLedger({ path: net.ledgerPath(ALTERED), hash, index: first.index })
    // Stamping the same hash again reads that row: the altered node computes another state.
    trigger = await stamp(0, hash)
    const url = net.targets[ALTERED]?.url as string
    try {
      await waitUntil({
        what: `node ${ALTERED}'s /readyz to answer 503`,
        timeoutMs: 30_000,
        check: async () => ((await nodeReadiness(url)).status === 503 ? true : undefined),
      })
      detectedAt = performance.now()
    } catch (error) {
      problems.push((error as Error).message)
    }
    problems.push(...(await networkStatusProblems(t)))
    const refused = await submitOne(ALTERED)
    if (refused.status !== 503 || !['NODE_STOPPED', 'DIVERGED'].includes(refused.code)) {
      problems.push(
        `a write to the altered node was answered ${refused.status} ${refused.code}, not 503 NODE_STOPPED/DIVERGED`,
      )
    }
    await untilAcks(load, Math.min(detectedAt, performance.now()), [0, 2], 100, 'the others, after the alteration')
  } finally {
    await load.stop()
  }
  t.diagnostic(`refusals and failed requests: ${describeFailures(load)}`)
  problems.push(...compareStateAfter(trigger?.index ?? 0))
  // Stopped means stopped: nothing acknowledged by it once its alarm is visible.
  const late = acks.filter((a) => a.node === ALTERED && a.at > detectedAt + 500).length
  if (late > 0) problems.push(`the altered node acknowledged ${late} transactions after its /readyz turned 503`)
  // What it acknowledged between the alteration and the alarm must still be
  // in everyone's log; its receipts, signed over a root no one else has,
  // never become final, so they are counted rather than checked.
  const unverifiable = (a: Acknowledgement) => a.node === ALTERED && a.at >= alteredAt
  t.diagnostic(`${acks.filter(unverifiable).length} receipts from the altered node between alteration and alarm`)
  const check = await assertNetwork(t, [0, 2], problems, (a) => !unverifiable(a))
  // The altered node never cosigns what it executed differently.
  if (check.final !== undefined && check.final.treeSize > (trigger?.index ?? 0)) {
    assert.ok(!check.final.cosigners.includes(net.state.nodes[ALTERED]?.id as string), 'the altered node cosigned')
  }
})

/** What `/v1/network/status` says: the altered node reports itself stopped; a healthy one sees it stopped or diverged. */
async function networkStatusProblems(t: TestContext): Promise<string[]> {
  const id = net.state.nodes[ALTERED]?.id as string
  type Status = { health?: { status?: string }; members?: { id: string; status: string }[] }
  const status = async (node: number) =>
    (await (await fetch(`${net.targets[node]?.url}/v1/network/status`)).json()) as Status
  const problems: string[] = []
  const own = await status(ALTERED).catch(() => ({}) as Status)
  t.diagnostic(`the altered node's health: ${JSON.stringify(own.health)}`)
  if (own.health?.status !== 'stopped') problems.push(`the altered node's health is ${JSON.stringify(own.health)}`)
  let seen = ''
  try {
    await waitUntil({
      what: `node 0 to see ${id} stopped or diverged in /v1/network/status`,
      timeoutMs: 15_000,
      check: async () => {
        seen = (await status(0)).members?.find((m) => m.id === id)?.status ?? 'absent'
        return seen === 'stopped' || seen === 'diverged' ? true : undefined
      },
    })
  } catch (error) {
    problems.push(`${(error as Error).message} (last: ${seen})`)
  }
  return problems
}

/** Stamps `hash` through node `node`, as its organisation; answers the acknowledgement. */
async function stamp(node: number, hash: string): Promise<{ index: number; txid: string }> {
  const target = net.targets[node] as WorkloadTarget
  const transaction = await signStamp({ network: net.genesis.network, target, hash, title: 'fault test' })
  const result = await createClient({ baseUrl: target.url }).submit({ transaction })
  return { index: result.index, txid: result.txid }
}

/** Posts one stamp to node `node`; answers the status and the error code. */
async function submitOne(node: number): Promise<{ status: number; code: string }> {
  const target = net.targets[node] as WorkloadTarget
  const response = await fetch(`${target.url}/v1/transactions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(await signStamp({ network: net.genesis.network, target })),
    signal: AbortSignal.timeout(30_000),
  })
  const body = (await response.json()) as { error?: { code?: string }; results?: { error?: { code?: string } }[] }
  return { status: response.status, code: body.error?.code ?? body.results?.[0]?.error?.code ?? 'none' }
}

/** A test of the test: the alteration really made the altered node's state differ once the trigger executed. */
function compareStateAfter(index: number): string[] {
  const healthy = stateDigestAfter({ path: net.ledgerPath(0), index })
  const altered = stateDigestAfter({ path: net.ledgerPath(ALTERED), index })
  if (altered !== undefined && healthy === altered) {
    return ['the altered node executed the trigger to the same state digest: the alteration had no effect']
  }
  return []
}
