#!/usr/bin/env node
// Measures voucher redemptions on a real ledger (SQLite on disk, every
// signature verified, durable group commit): set-up of 100,000 beneficiaries
// (card vouchers) and 1,000 providers in large batches, then
//  - sustained: as many redemptions as the ledger takes, submitted in batches;
//  - offered:   redemptions arriving one by one at a fixed rate (default
//               500/s), each timed from submit to durable commit (p50/p99).
// Prints one JSON object. Options: --beneficiaries N --providers N
// --sustained N --rate R --seconds S.
import { mkdtempSync, rmSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { didKeyFromJwk } from '@tabularium/core'
import { generateKeyPair, signBytes, verifyBytesFast } from '@tabularium/core/node'
import { createLedger } from '@tabularium/ledger'
import { createSandboxNetwork, governance } from '@tabularium/module-governance'
import { signTestTransaction } from '@tabularium/module-governance/testing'
import { cardHandle, vouchers } from '@tabularium/module-vouchers'

const { values } = parseArgs({
  options: {
    beneficiaries: { type: 'string', default: '100000' },
    providers: { type: 'string', default: '1000' },
    sustained: { type: 'string', default: '20000' },
    rate: { type: 'string', default: '500' },
    seconds: { type: 'string', default: '10' },
  },
})
const BENEFICIARIES = Number(values.beneficiaries)
const PROVIDERS = Number(values.providers)
const SUSTAINED = Number(values.sustained)
const RATE = Number(values.rate)
const SECONDS = Number(values.seconds)

const dir = mkdtempSync(join(tmpdir(), 'tabularium-vouchers-measure-'))
const { genesis, members } = createSandboxNetwork({ organisations: ['Groningen'], now: Date.now() })
const clerk = members[0]
const ledger = await createLedger({
  genesis,
  keys: clerk.nodeKeys,
  modules: [governance, vouchers],
  path: join(dir, 'ledger.db'),
  logger: { error: () => {}, warn: (d, m) => console.error(m, d) },
})
const sign = (signer, action, args) =>
  signTestTransaction({ ...signer, network: genesis.network, module: 'vouchers', action, args, now: Date.now() })
const codeOf = (r) => (!r.ok ? r.error.code : r.outcome.status === 'accepted' ? 'ok' : r.outcome.code)
async function submitAll(txs, chunk = 1000) {
  const codes = {}
  const pending = []
  for (let i = 0; i < txs.length; i += chunk) pending.push(ledger.submit(txs.slice(i, i + chunk), { receipts: false }))
  for (const results of await Promise.all(pending))
    for (const r of results) codes[codeOf(r)] = (codes[codeOf(r)] ?? 0) + 1
  return codes
}
const expectOk = (codes, what) => {
  if (Object.keys(codes).some((c) => c !== 'ok')) throw new Error(`${what}: ${JSON.stringify(codes)}`)
}

// --- set-up -----------------------------------------------------------------
const setupStart = performance.now()
const year = new Date().getUTCFullYear()
expectOk(
  await submitAll([
    sign(clerk, 'createFund', {
      id: 'stadjerspas',
      name: 'Stadjerspas',
      budget: BENEFICIARIES * 100_000,
      opensAt: `${year - 1}-01-01T00:00:00Z`,
      closesAt: `${year + 1}-12-31T00:00:00Z`,
      eligibility: { kind: 'clerk' },
      amount: { kind: 'fixed', value: 100_000 },
      debtor: { name: 'Gemeente Groningen', iban: 'NL91ABNA0417164300' },
    }),
  ]),
  'createFund',
)
const issue = []
for (let i = 0; i < BENEFICIARIES; i += 250) {
  const batch = []
  for (let j = i; j < Math.min(i + 250, BENEFICIARIES); j++)
    batch.push({ beneficiary: j.toString(16).padStart(64, '0'), card: { handle: cardHandle(`card-${j}`) } })
  issue.push(sign(clerk, 'issueVouchers', { fund: 'stadjerspas', vouchers: batch }))
}
expectOk(await submitAll(issue, 50), 'issueVouchers')
const providers = Array.from({ length: PROVIDERS }, () => {
  const { privateJwk, publicJwk } = generateKeyPair()
  return { did: didKeyFromJwk(publicJwk), privateJwk }
})
expectOk(
  await submitAll(
    providers.map((p, i) =>
      sign(p, 'registerProvider', {
        id: `shop-${i}`,
        name: `Shop ${i}`,
        account: { name: `Shop ${i}`, iban: 'BE68539007547034' },
        categories: ['food', 'sport'],
      }),
    ),
  ),
  'registerProvider',
)
const decide = []
for (let i = 0; i < PROVIDERS; i += 500)
  decide.push(
    sign(clerk, 'decideProviders', {
      fund: 'stadjerspas',
      providers: providers.slice(i, i + 500).map((_, j) => `shop-${i + j}`),
      status: 'approved',
    }),
  )
expectOk(await submitAll(decide), 'decideProviders')
const setupSeconds = (performance.now() - setupStart) / 1000

// Each redemption: a random provider takes €1 from a random card voucher.
let seq = 0
const redemption = () => {
  const n = seq++
  return sign(providers[n % PROVIDERS], 'redeem', {
    card: { handle: cardHandle(`card-${(n * 7919) % BENEFICIARIES}`) },
    amount: 100,
    category: 'food',
  })
}

// --- sustained ----------------------------------------------------------------
const sustainedTxs = Array.from({ length: SUSTAINED }, redemption)
const sustainedStart = performance.now()
const sustainedCodes = await submitAll(sustainedTxs, 500)
const sustainedSeconds = (performance.now() - sustainedStart) / 1000

// --- offered rate ---------------------------------------------------------------
const offeredTxs = Array.from({ length: RATE * SECONDS }, redemption)
const latencies = []
const offeredCodes = {}
const offeredStart = performance.now()
await new Promise((resolve) => {
  let sent = 0
  let done = 0
  const tick = () => {
    const due = Math.min(offeredTxs.length, Math.floor(((performance.now() - offeredStart) / 1000) * RATE))
    for (; sent < due; sent++) {
      const started = performance.now()
      ledger.submit([offeredTxs[sent]], { receipts: false }).then(([r]) => {
        latencies.push(performance.now() - started)
        offeredCodes[codeOf(r)] = (offeredCodes[codeOf(r)] ?? 0) + 1
        if (++done === offeredTxs.length) resolve()
      })
    }
    if (sent < offeredTxs.length) setTimeout(tick, 1)
  }
  tick()
})
const offeredSeconds = (performance.now() - offeredStart) / 1000
latencies.sort((a, b) => a - b)
const pct = (p) =>
  Math.round(latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] * 10) / 10

// The machine's own limit: Ed25519 verifications per second on one core.
const key = generateKeyPair()
const data = new TextEncoder().encode('x'.repeat(300))
const signature = signBytes({ privateJwk: key.privateJwk, data })
const verifyStart = performance.now()
let verified = 0
while (performance.now() - verifyStart < 500) {
  verifyBytesFast({ publicJwk: key.publicJwk, data, signature })
  verified++
}

const fund = ledger.query('vouchers', 'fund', { id: 'stadjerspas' })
await ledger.close()
rmSync(dir, { recursive: true, force: true })
console.log(
  JSON.stringify(
    {
      setup: { beneficiaries: BENEFICIARIES, providers: PROVIDERS, seconds: Math.round(setupSeconds * 10) / 10 },
      sustained: {
        redemptions: SUSTAINED,
        seconds: Math.round(sustainedSeconds * 100) / 100,
        perSecond: Math.round(SUSTAINED / sustainedSeconds),
        outcomes: sustainedCodes,
      },
      offered: {
        rate: RATE,
        redemptions: offeredTxs.length,
        seconds: Math.round(offeredSeconds * 100) / 100,
        achievedPerSecond: Math.round(offeredTxs.length / offeredSeconds),
        p50Ms: pct(50),
        p99Ms: pct(99),
        maxMs: pct(100),
        outcomes: offeredCodes,
      },
      ledger: { redeemed: fund.totals.redeemed, redemptions: fund.totals.redemptions },
      machine: { cores: availableParallelism(), ed25519VerifyPerSecondOneCore: Math.round(verified / 0.5) },
    },
    null,
    2,
  ),
)
