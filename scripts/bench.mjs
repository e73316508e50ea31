#!/usr/bin/env node
// The project's benchmark (DESIGN §4): `npm run bench [-- --quick] [-- --out FILE]`.
// Prints one JSON document on stdout and writes it to bench-results/latest.json
// (or --out). Every throughput is also given as a ratio to the machine's own
// limit, measured in the same run: Ed25519 verifications per second on all cores.
// Transactions are signed before any timing starts, so a client's signing
// cost never counts in a server figure.
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { measureBallots } from './bench/ballots.mjs'
import { measureHttpThroughput } from './bench/http.mjs'
import { measureCredentialVerifications } from './bench/identity.mjs'
import { measureCommitLatency, measureInProcessThroughput, measureProofs, openBenchLedger } from './bench/inProcess.mjs'
import { describeMachine, log } from './bench/machine.mjs'
import { measureNetwork } from './bench/network.mjs'
import { ensureBigLedger, measureRestart } from './bench/restart.mjs'
import { removeBenchSandbox } from './bench/sandbox.mjs'
import { measureVerifyLimit } from './bench/verifyLimit.mjs'
import { measureVouchers } from './bench/vouchers.mjs'

const root = dirname(dirname(fileURLToPath(import.meta.url)))
const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, out: { type: 'string' } } })
const quick = values.quick
const out = values.out ?? join(root, 'bench-results', 'latest.json')

// Sizes of each run; --quick keeps the same figures on smaller runs (< 1 min).
const plan = quick
  ? {
      verifyMs: 1000,
      inProcess: 10_000,
      latencySeconds: 3,
      proofMs: 500,
      http: 10_000,
      restartEntries: 50_000,
      restartLabel: '50k',
      restartRuns: 1,
      vouchers: { beneficiaries: 5_000, providers: 100, sustained: 3_000, rate: 500, seconds: 3 },
      network: { count: 15_000, latencySeconds: 4, killSeconds: 6 },
    }
  : {
      verifyMs: 3000,
      inProcess: 50_000,
      latencySeconds: 10,
      proofMs: 2000,
      http: 50_000,
      restartEntries: 1_000_000,
      restartLabel: '1m',
      restartRuns: 3,
      vouchers: { beneficiaries: 100_000, providers: 1_000, sustained: 20_000, rate: 500, seconds: 10 },
      network: { count: 60_000, latencySeconds: 10, killSeconds: 12 },
    }

const measurements = []
const record = (name, value, unit, note) => {
  const rounded = Math.round(value * 100) / 100
  measurements.push(note === undefined ? { name, value: rounded, unit } : { name, value: rounded, unit, note })
  log(`${name} = ${rounded} ${unit}`)
}
const startedAt = new Date().toISOString()

log(`machine limit (${quick ? 'quick' : 'full'} run)`)
const firstLimit = await measureVerifyLimit({ ms: plan.verifyMs })

log('ledger in process')
const { sandbox, ledger } = await openBenchLedger()
const inProcess = await measureInProcessThroughput({ ledger, signer: sandbox.signer, count: plan.inProcess })
record(
  'ledger.notary_tx_per_s_in_process',
  inProcess,
  'tx/s',
  `${plan.inProcess} pre-signed stamps in batches of 1000, signatures verified, durable commit (synchronous=FULL), no receipts`,
)
const latency = await measureCommitLatency({ ledger, signer: sandbox.signer, rate: 2000, seconds: plan.latencySeconds })
const latencyNote = `open loop: single-transaction submissions at 2000/s for ${plan.latencySeconds} s, scheduled time to durable commit`
record('ledger.commit_latency_p50_ms', latency.p50, 'ms', latencyNote)
record('ledger.commit_latency_p99_ms', latency.p99, 'ms', latencyNote)
const proofs = measureProofs({ ledger, ms: plan.proofMs })
record(
  'log.inclusion_proofs_per_s',
  proofs.generation,
  'proofs/s',
  `from SQLite, random leaves of a ${proofs.treeSize}-entry tree`,
)
record(
  'log.proof_verifications_per_s',
  proofs.verification,
  'verifications/s',
  'pure-JS SHA-256 (as in the browser), one thread',
)
await ledger.close()
removeBenchSandbox(sandbox)

log('HTTP')
const http = await measureHttpThroughput({ count: plan.http, batchSize: 500, clients: 4 })
record(
  'http.notary_tx_per_s_batched',
  http,
  'tx/s',
  `${plan.http} pre-signed stamps, node in its own process on 127.0.0.1, 4 clients, batches of 500, wait=true (receipts)`,
)

log('network: 3 members, a 3-member etcd cluster and 3 node processes on this machine')
const network = await measureNetwork(plan.network)
const networkSetup =
  '3 etcd members and 3 `tabularium node start` processes (orderer etcd) on this machine, each node verifying every signature and executing every block'
record(
  'network.notary_tx_per_s_3_nodes',
  network.txPerSecond,
  'tx/s',
  `${network.transactions} pre-signed stamps in batches of 250, 4 in flight per node, to all three nodes; ${networkSetup}; the clock stops when every node holds all of them (acknowledged: ${network.ackedTxPerSecond} tx/s); aim 3,000`,
)
if (network.cpuMicrosPerTx !== undefined) {
  const cpu = network.cpuMicrosPerTx
  record(
    'network.cpu_us_per_tx_3_nodes',
    cpu.sum,
    'µs',
    `CPU time (user + system, all threads) per transaction of the throughput run, summed over the 3 etcd members (${cpu.etcd.join(', ')}), the 3 nodes (${cpu.nodes.map((n) => `${n?.total} of which main thread ${n?.main}`).join('; ')}) and the client (${cpu.client}); on 2 cores, 3,000 tx/s needs ≤ ~650`,
  )
}
const networkLatencyNote = `open loop: ${network.rate} tx/s in batches of 10 round-robin over the three nodes for ${plan.network.latencySeconds} s, scheduled send to acknowledgement (receipts)`
record('network.ack_latency_p50_ms', network.p50, 'ms', networkLatencyNote)
record('network.ack_latency_p99_ms', network.p99, 'ms', networkLatencyNote)
record(
  'network.ack_gap_ms_etcd_leader_killed',
  network.gapMs,
  'ms',
  `longest time without an acknowledgement from any node after SIGKILL of the etcd leader (restarted ${plan.network.killSeconds / 3} s later), same open-loop load; aim < 2,000`,
)

log(`vouchers: ${plan.vouchers.beneficiaries} card vouchers, ${plan.vouchers.providers} providers`)
const v = plan.vouchers
const voucherRun = await measureVouchers(v)
record(
  'vouchers.redemptions_per_s',
  voucherRun.perSecond,
  'redemptions/s',
  `${v.sustained} pre-signed card redemptions over ${v.beneficiaries} vouchers and ${v.providers} providers, batches of 500, signatures verified, durable commit`,
)
record(
  'vouchers.redemption_p99_ms_at_500_per_s',
  voucherRun.p99,
  'ms',
  `open loop: single redemptions offered at ${v.rate}/s for ${v.seconds} s, scheduled time to durable commit (p50 ${Math.round(voucherRun.p50 * 10) / 10} ms)`,
)

log('identity: credential verifications')
log('ballots')
const ballotRun = measureBallots({ root, casts: quick ? 600 : 3000, tally: quick ? 100_000 : 1_000_000 })
record(
  `ballots.cast_per_s${quick ? '_quick_scaled_down' : ''}`,
  ballotRun.castPerSecond,
  'ballots/s',
  ballotRun.castNote,
)
record('ballots.cpu_us_per_cast', ballotRun.cpuMicrosPerCast, 'µs', ballotRun.cpuNote)
record('ballots.verify_us_per_ballot', ballotRun.verifyMicros, 'µs', ballotRun.verifyNote)
record(
  quick ? 'ballots.tally_100k_seconds_quick_scaled_down' : 'ballots.tally_1m_seconds',
  ballotRun.tallySeconds,
  's',
  ballotRun.tallyNote,
)
const credentials = measureCredentialVerifications({ seconds: quick ? 1 : 3 })
const identityNote = `verifyCredential, one core, ES256 (raw ES256 verify on this core: ${credentials.rawEs256}/s)`
record(
  'identity.jwt_vc_verifications_per_s',
  credentials.jwtVc,
  'verifications/s',
  `${identityNote}: EBSI JWT VC, signature, validity, accreditation, schema and a status-list check`,
)
record(
  'identity.sd_jwt_vc_verifications_per_s',
  credentials.sdJwtVc,
  'verifications/s',
  `${identityNote}: SD-JWT VC presentation, 2 disclosures and key binding`,
)

log('web: portal first load')
const webSize = JSON.parse(
  execFileSync(process.execPath, [join(root, 'apps/web/scripts/size.mjs')], { encoding: 'utf8' }),
)
record(
  webSize.name,
  webSize.value,
  webSize.unit,
  'gzip -9 of the JS the portal requests on first load (entry chunk and its static imports); target < 200 KB',
)

log(`restart with ${plan.restartLabel} entries`)
const bigDir = join(root, 'bench-results', `ledger-${plan.restartLabel}`)
await ensureBigLedger({ dir: bigDir, entries: plan.restartEntries })
const restart = await measureRestart({ dir: bigDir, entries: plan.restartEntries, runs: plan.restartRuns })
const restartName = `restart.serving_ms_${plan.restartLabel}_entries${quick ? '_quick_scaled_down' : ''}`
record(
  restartName,
  restart,
  'ms',
  `spawn of \`tabularium node start\` to the first GET /v1/checkpoint answer, median of ${plan.restartRuns}`,
)

// Measured again at the end and the better run kept: the limit is what the
// machine can do, and a busy neighbour during one run should not lower it.
const lastLimit = await measureVerifyLimit({ ms: plan.verifyMs })
const limit = lastLimit.value > firstLimit.value ? lastLimit : firstLimit
record(
  'machine.ed25519_verify_all_cores',
  limit.value,
  'verifications/s',
  `node:crypto, ${limit.threads} worker threads, best of a run at the start and one at the end (${firstLimit.value}, ${lastLimit.value})`,
)
record('ratio.in_process_to_verify_limit', inProcess / limit.value, 'ratio')
record('ratio.http_to_verify_limit', http / limit.value, 'ratio')

const result = { machine: describeMachine(), startedAt, quick, measurements }
mkdirSync(dirname(out), { recursive: true })
writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`)
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`)
