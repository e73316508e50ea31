import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { didKeyFromJwk } from '@tabularium/core'
import { generateKeyPair } from '@tabularium/core/node'
import { createLedger } from '@tabularium/ledger'
import { createSandboxNetwork, governance } from '@tabularium/module-governance'
import { signTestTransaction } from '@tabularium/module-governance/testing'
import { cardHandle, vouchers } from '@tabularium/module-vouchers'
import { quietLogger } from './inProcess.mjs'
import { percentile } from './machine.mjs'

/**
 * Voucher redemptions on a real ledger (SQLite on disk, every signature
 * verified, durable group commit; modules/vouchers/scripts/measure.mjs runs it at other sizes):
 * a fund with `beneficiaries` card vouchers and `providers` approved shops
 * (set up in large batches, not timed), then
 *  - sustained: `sustained` pre-signed redemptions (a random shop takes €1
 *    from a random card) submitted in batches of 500 — redemptions per second;
 *  - offered: redemptions arriving one per submit at `rate`/s for `seconds`,
 *    each timed from submit to durable commit — p50/p99 in ms.
 * Every redemption must be accepted (a refusal fails the benchmark).
 *
 * @example const v = await measureVouchers({ beneficiaries: 100_000, providers: 1000, sustained: 20_000, rate: 500, seconds: 10 })
 */
export async function measureVouchers({ beneficiaries, providers: providerCount, sustained, rate, seconds }) {
  const dir = mkdtempSync(join(tmpdir(), 'tabularium-bench-vouchers-'))
  const { genesis, members } = createSandboxNetwork({ organisations: ['Groningen'], now: Date.now() })
  const clerk = members[0]
  const ledger = await createLedger({
    genesis,
    keys: clerk.nodeKeys,
    modules: [governance, vouchers],
    path: join(dir, 'ledger.db'),
    logger: quietLogger,
  })
  const sign = (signer, action, args) =>
    signTestTransaction({ ...signer, network: genesis.network, module: 'vouchers', action, args, now: Date.now() })
  const codeOf = (r) => (!r.ok ? r.error.code : r.outcome.status === 'accepted' ? 'ok' : r.outcome.code)
  const submitAll = async (txs, chunk) => {
    const pending = []
    for (let i = 0; i < txs.length; i += chunk)
      pending.push(ledger.submit(txs.slice(i, i + chunk), { receipts: false }))
    for (const results of await Promise.all(pending)) {
      const refused = results.find((r) => codeOf(r) !== 'ok')
      if (refused) throw new Error(`vouchers benchmark: refused with ${codeOf(refused)}`)
    }
  }
  try {
    const year = new Date().getUTCFullYear()
    await submitAll(
      [
        sign(clerk, 'createFund', {
          id: 'stadjerspas',
          name: 'Stadjerspas',
          budget: beneficiaries * 100_000,
          opensAt: `${year - 1}-01-01T00:00:00Z`,
          closesAt: `${year + 1}-12-31T00:00:00Z`,
          eligibility: { kind: 'clerk' },
          amount: { kind: 'fixed', value: 100_000 },
          debtor: { name: 'Gemeente Groningen', iban: 'NL91ABNA0417164300' },
        }),
      ],
      1,
    )
    const issue = []
    for (let i = 0; i < beneficiaries; i += 250) {
      const batch = []
      for (let j = i; j < Math.min(i + 250, beneficiaries); j++)
        batch.push({ beneficiary: j.toString(16).padStart(64, '0'), card: { handle: cardHandle(`card-${j}`) } })
      issue.push(sign(clerk, 'issueVouchers', { fund: 'stadjerspas', vouchers: batch }))
    }
    await submitAll(issue, 50)
    const shops = Array.from({ length: providerCount }, () => {
      const { privateJwk, publicJwk } = generateKeyPair()
      return { did: didKeyFromJwk(publicJwk), privateJwk }
    })
    await submitAll(
      shops.map((p, i) =>
        sign(p, 'registerProvider', {
          id: `shop-${i}`,
          name: `Shop ${i}`,
          account: { name: `Shop ${i}`, iban: 'BE68539007547034' },
          categories: ['food', 'sport'],
        }),
      ),
      1000,
    )
    const decide = []
    for (let i = 0; i < providerCount; i += 500)
      decide.push(
        sign(clerk, 'decideProviders', {
          fund: 'stadjerspas',
          providers: shops.slice(i, i + 500).map((_, j) => `shop-${i + j}`),
          status: 'approved',
        }),
      )
    await submitAll(decide, 1000)

    let seq = 0
    const redemption = () => {
      const n = seq++
      return sign(shops[n % providerCount], 'redeem', {
        card: { handle: cardHandle(`card-${(n * 7919) % beneficiaries}`) },
        amount: 100,
        category: 'food',
      })
    }
    const sustainedTxs = Array.from({ length: sustained }, redemption)
    const sustainedStart = performance.now()
    await submitAll(sustainedTxs, 500)
    const perSecond = sustained / ((performance.now() - sustainedStart) / 1000)

    const offered = Array.from({ length: rate * seconds }, redemption)
    const latencies = []
    const offeredStart = performance.now()
    await new Promise((resolve, reject) => {
      let sent = 0
      let done = 0
      const tick = () => {
        const due = Math.min(offered.length, Math.floor(((performance.now() - offeredStart) / 1000) * rate))
        for (; sent < due; sent++) {
          const scheduled = offeredStart + (sent / rate) * 1000
          ledger.submit([offered[sent]], { receipts: false }).then(([r]) => {
            if (codeOf(r) !== 'ok') reject(new Error(`vouchers benchmark: refused with ${codeOf(r)}`))
            latencies.push(performance.now() - scheduled)
            if (++done === offered.length) resolve()
          }, reject)
        }
        if (sent < offered.length) setTimeout(tick, 1)
      }
      tick()
    })
    latencies.sort((a, b) => a - b)
    return { perSecond, p50: percentile(latencies, 50), p99: percentile(latencies, 99) }
  } finally {
    await ledger.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
