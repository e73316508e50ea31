import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { SubmitResult } from '@tabularium/ledger'
import { cardHandle } from './secrets.js'
import { codeOf, newSigner, openTestLedger } from './testSupport.js'

// Ten vouchers of €10 and redemptions of €1: budget for exactly 100.
const VOUCHERS = 10
const ATTEMPTS = 1000

describe('concurrent redemptions', () => {
  let t: Awaited<ReturnType<typeof openTestLedger>>
  const providers = Array.from({ length: 5 }, () => newSigner())

  before(async () => {
    t = await openTestLedger()
    const clerk = t.members[0]!
    const fund = {
      id: 'stadjerspas',
      name: 'Stadjerspas',
      budget: VOUCHERS * 1_000,
      opensAt: '2026-01-01T00:00:00Z',
      closesAt: '2027-01-01T00:00:00Z',
      eligibility: { kind: 'clerk' },
      amount: { kind: 'fixed', value: 1_000 },
      debtor: { name: 'Gemeente Groningen', iban: 'NL91ABNA0417164300' },
    }
    assert.equal((await t.send(clerk, 'createFund', fund)).code, 'ok')
    const vouchers = Array.from({ length: VOUCHERS }, (_, i) => ({
      beneficiary: String(i).padStart(64, '0'),
      card: { handle: cardHandle(`card-${i}`) },
    }))
    assert.equal((await t.send(clerk, 'issueVouchers', { fund: 'stadjerspas', vouchers })).code, 'ok')
    for (const [i, p] of providers.entries()) {
      const args = {
        id: `shop-${i}`,
        name: `Shop ${i}`,
        account: { name: `Shop ${i}`, iban: 'BE68539007547034' },
        categories: ['food'],
      }
      assert.equal((await t.send(p, 'registerProvider', args)).code, 'ok')
    }
    const decided = await t.send(clerk, 'decideProviders', {
      fund: 'stadjerspas',
      providers: providers.map((_, i) => `shop-${i}`),
      status: 'approved',
    })
    assert.equal(decided.code, 'ok')
  })
  after(() => t.close())

  it('1,000 simultaneous redemptions against budget for 100 succeed exactly 100 times', async () => {
    const signed = Array.from({ length: ATTEMPTS }, (_, i) =>
      t.sign(providers[i % providers.length]!, 'redeem', {
        card: { handle: cardHandle(`card-${i % VOUCHERS}`) },
        amount: 100,
      }),
    )
    // Every submission is in flight at once, from five providers, as separate calls.
    const results = (await Promise.all(signed.map((tx) => t.ledger.submit([tx])))).map((r) => r[0] as SubmitResult)
    const codes = new Map<string, number>()
    for (const result of results) codes.set(codeOf(result), (codes.get(codeOf(result)) ?? 0) + 1)
    assert.deepEqual(Object.fromEntries(codes), { ok: 100, INSUFFICIENT_BALANCE: 900 })
    for (let i = 0; i < VOUCHERS; i++) assert.equal(t.query('voucher', { card: cardHandle(`card-${i}`) }).balance, 0)
    const fund = t.query('fund', { id: 'stadjerspas' })
    assert.deepEqual([fund.totals.redeemed, fund.totals.redemptions], [VOUCHERS * 1_000, 100])
    assert.equal(t.query('payable', { fund: 'stadjerspas' }).total, VOUCHERS * 1_000)
    assert.equal(
      t
        .query('spending', { fund: 'stadjerspas', groupBy: 'provider' })
        .items.reduce((s: number, r: { amount: number }) => s + r.amount, 0),
      VOUCHERS * 1_000,
    )
  })
})
