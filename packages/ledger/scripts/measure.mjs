// Throughput and latency of the ledger in-process, with durable commits
// (SQLite WAL, synchronous=FULL) and every signature verified in workers.
// Not a test: prints one JSON object. Usage:
//   node packages/ledger/scripts/measure.mjs [--count 60000] [--rate 2000] [--seconds 10] [--threads N]
// Environment: THREADS=1 prints CPU µs/tx per thread on stderr (Linux);
// KEEP=1 keeps the ledger file and prints its path on stderr.
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { parseArgs } from 'node:util'
import { fromBase64Url, jwkFromDidKey } from '@tabularium/core'
import { transactionSigningInput } from '@tabularium/protocol'
import { z } from 'zod'
import { createLedger, defineAction, defineModule } from '../dist/index.js'
import {
  createGenesis,
  createNodeKeys,
  createSigner,
  createTempDir,
  signTransaction,
} from '../dist/testing/fixtures.js'
import { createVerifierPool } from '../dist/workers/createVerifierPool.js'

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '60000' },
    rate: { type: 'string', default: '2000' },
    seconds: { type: 'string', default: '10' },
    batch: { type: 'string', default: '250' },
    inflight: { type: 'string', default: '16' },
    threads: { type: 'string' },
  },
})
const count = Number(values.count)
const rate = Number(values.rate)
const seconds = Number(values.seconds)
const batch = Number(values.batch)
const inflight = Number(values.inflight)
const verifierThreads = values.threads === undefined ? Math.max(1, availableParallelism() - 1) : Number(values.threads)

// A notary-like module: stamp a document hash once.
const notary = defineModule({
  name: 'notary',
  actions: {
    stamp: defineAction({
      args: z.strictObject({ hash: z.string().regex(/^[0-9a-f]{64}$/) }),
      access: { public: true },
      execute(ctx, { hash }) {
        if (ctx.get(`doc/${hash}`) !== undefined) return
        ctx.put(`doc/${hash}`, { signer: ctx.signer, time: ctx.time, index: ctx.index })
        ctx.emit('stamped', { hash })
      },
    }),
  },
  queries: {},
})

const signers = Array.from({ length: 200 }, () => createSigner())
const sign = (i) =>
  signTransaction({
    signer: signers[i % signers.length],
    module: 'notary',
    action: 'stamp',
    args: { hash: createHash('sha256').update(`doc ${i} ${Math.random()}`).digest('hex') },
  })
// CPU time of the main thread alone (Linux): what bounds the pipeline's
// serial part, whatever else the machine runs. Clock ticks of 10 ms.
const mainThreadCpuMs = () => {
  try {
    const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1].split(' ')
    return (Number(fields[11]) + Number(fields[12])) * 10
  } catch {
    return Number.NaN
  }
}
const threadsCpuMs = () => {
  const out = {}
  for (const tid of readdirSync(`/proc/self/task`)) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8')
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
      const fields = stat.split(') ')[1].split(' ')
      out[`${name}#${tid}`] = (Number(fields[11]) + Number(fields[12])) * 10
    } catch {}
  }
  return out
}
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0
const round = (x) => Math.round(x * 100) / 100

const tmp = createTempDir()
const member = createSigner()
const { keys, logKey, witnessKey } = createNodeKeys()
const genesis = createGenesis({ member, logKey, witnessKey })
const ledger = await createLedger({ genesis, keys, modules: [notary], path: tmp.path('measure.db'), verifierThreads })

// 1. Sustained throughput: batches of `batch`, `inflight` batches at a time.
const signStart = performance.now()
const txs = Array.from({ length: count }, (_, i) => sign(i))
const signMs = performance.now() - signStart

// 0. The machine's limit: raw signature verifications per second on the same pool.
const pool = createVerifierPool({ threads: verifierThreads })
const items = txs.slice(0, 20000).map(({ tx, sig }) => ({
  publicJwk: jwkFromDidKey(tx.signer),
  data: transactionSigningInput(tx),
  signature: fromBase64Url(sig),
}))
await pool.verify(items.slice(0, 200))
const rawStart = performance.now()
await Promise.all(Array.from({ length: 20 }, (_, i) => pool.verify(items.slice(i * 1000, (i + 1) * 1000))))
const rawVerifyPerSecond = Math.round(items.length / ((performance.now() - rawStart) / 1000))
await pool.close()
let next = 0
const cpuBefore = process.cpuUsage()
const mainBefore = mainThreadCpuMs()
const threadsBefore = threadsCpuMs()
const started = performance.now()
const worker = async () => {
  while (next < txs.length) {
    const slice = txs.slice(next, next + batch)
    next += batch
    const results = await ledger.submit(slice)
    if (!results.every((r) => r.ok)) throw new Error(`refused: ${JSON.stringify(results.find((r) => !r.ok))}`)
  }
}
await Promise.all(Array.from({ length: inflight }, worker))
const throughputMs = performance.now() - started
const cpu = process.cpuUsage(cpuBefore)
const cpuMicrosPerTx = (cpu.user + cpu.system) / count
const mainMicrosPerTx = ((mainThreadCpuMs() - mainBefore) * 1000) / count
const threadsAfter = threadsCpuMs()
if (process.env.THREADS) {
  for (const [k, v] of Object.entries(threadsAfter)) {
    const d = v - (threadsBefore[k] ?? 0)
    if (d > 0) console.error(k, Math.round((d * 1000) / count), 'µs/tx')
  }
}

// 2. Latency at a fixed offered rate, one transaction per submit (as HTTP clients send them).
const offered = Array.from({ length: rate * seconds }, (_, i) => sign(count + i))
const latencies = []
const tickMs = 10
const perTick = (rate * tickMs) / 1000
const pending = []
const latencyStart = performance.now()
for (let tick = 0; tick * perTick < offered.length; tick++) {
  const due = latencyStart + tick * tickMs
  const wait = due - performance.now()
  if (wait > 0) await new Promise((r) => setTimeout(r, wait))
  for (const tx of offered.slice(tick * perTick, (tick + 1) * perTick)) {
    const t0 = performance.now()
    pending.push(ledger.submit([tx], { receipts: true }).then(() => latencies.push(performance.now() - t0)))
  }
}
await Promise.all(pending)
const latencyMs = performance.now() - latencyStart
latencies.sort((a, b) => a - b)
const stats = ledger.stats()
await ledger.close()

// 3. Restart: reopen the file (no replay) and time it.
const reopenStart = performance.now()
const reopened = await createLedger({ genesis, keys, modules: [notary], path: tmp.path('measure.db'), verifierThreads })
const restartMs = performance.now() - reopenStart
const treeSize = reopened.checkpoint().treeSize
await reopened.close()
if (!process.env.KEEP) tmp.remove()
else console.error(tmp.path('measure.db'))

console.log(
  JSON.stringify(
    {
      cores: availableParallelism(),
      verifierThreads,
      durableCommit: 'WAL, synchronous=FULL',
      rawVerifyPerSecond,
      throughput: {
        transactions: count,
        txPerSecond: Math.round(count / (throughputMs / 1000)),
        batch,
        inflight,
        // CPU time of all threads per transaction: the capacity of the machine
        // is cores × 1e6 / this, whatever else runs beside the measurement.
        cpuMicrosPerTx: Math.round(cpuMicrosPerTx),
        mainThreadMicrosPerTx: Math.round(mainMicrosPerTx),
      },
      latency: {
        offeredPerSecond: rate,
        seconds,
        achievedPerSecond: Math.round(offered.length / (latencyMs / 1000)),
        p50Ms: round(percentile(latencies, 50)),
        p99Ms: round(percentile(latencies, 99)),
        maxMs: round(latencies[latencies.length - 1] ?? 0),
        receipts: true,
      },
      blocks: stats.blocks,
      restart: { treeSize, ms: round(restartMs) },
      signingMsClientSide: Math.round(signMs),
    },
    null,
    2,
  ),
)
