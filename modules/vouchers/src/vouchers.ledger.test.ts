import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { after, before, describe, it } from 'node:test'
import { validateXML } from 'xmllint-wasm'
import { voucherIdOf } from './actions/funds.js'
import { settlementCsv } from './exports/csv.js'
import { parseEligibilityCsv, pseudonymiseRows } from './exports/eligibilityCsv.js'
import { buildPain001 } from './exports/pain001.js'
import { cardHandle, pinProof, pinVerifier, signVoucherAuthorisation } from './secrets.js'
import { newSigner, openTestLedger } from './testSupport.js'

const XSD = readFileSync(new URL('../../../vectors/sepa/pain.001.001.03.xsd', import.meta.url), 'utf8')
const KEY = new Uint8Array(32).fill(7)
const FUND = 'kindpakket-2026'

// The Kindpakket workflow end to end on a real ledger (SQLite on disk):
// a list fund paying €150 per child, uploaded as CSV, two shops, QR and card.
describe('vouchers on a real ledger', () => {
  let t: Awaited<ReturnType<typeof openTestLedger>>
  const sport = newSigner()
  const books = newSigner()
  const stranger = newSigner()
  const wallet = newSigner()
  const card = { number: '6012345678901234', pin: '4821' }
  let clerk: { did: string; privateJwk: any }
  const [anna, ben, carla] = pseudonymiseRows({
    key: KEY,
    fund: FUND,
    rows: parseEligibilityCsv('id;children\n100200300;2\n100200301;1\n100200302;0\n'),
  }) as [
    { beneficiary: string; units: number },
    { beneficiary: string; units: number },
    { beneficiary: string; units: number },
  ]
  let qr = 0
  const authorise = (voucher: string, extra: { maxAmount?: number } = {}) =>
    signVoucherAuthorisation({
      privateJwk: wallet.privateJwk,
      payload: {
        v: 1,
        voucher,
        nonce: `nonce-${++qr}-abcdef`,
        expires: new Date(t.now() + 600_000).toISOString(),
        ...extra,
      },
    })

  before(async () => {
    t = await openTestLedger()
    clerk = t.members[1]!
  })
  after(() => t.close())

  it('creates a fund, uploads the eligibility list as pseudonyms and issues vouchers by formula', async () => {
    const fund = {
      id: FUND,
      name: 'Kindpakket 2026',
      budget: 100_000,
      opensAt: '2026-03-01T00:00:00Z',
      closesAt: '2026-12-31T00:00:00Z',
      eligibility: { kind: 'list' },
      amount: { kind: 'perUnit', base: 0, perUnit: 15_000, maxUnits: 4, unit: 'child' },
      categories: ['sport', 'culture', 'school'],
      limits: { period: 'week', maxUses: 3 },
      debtor: { name: 'Gemeente Zuidhorn', iban: 'NL91 ABNA 0417 1643 00', bic: 'ABNANL2A' },
    }
    assert.equal(
      (await t.send(clerk, 'createFund', { ...fund, debtor: { name: 'x', iban: 'NL91ABNA0417164301' } })).code,
      'INVALID_ARGS',
    )
    assert.equal((await t.send(clerk, 'createFund', fund)).code, 'ok')
    assert.equal((await t.send(stranger, 'createFund', { ...fund, id: 'other' })).code, 'UNAUTHORISED')
    assert.equal((await t.send(clerk, 'addEligible', { fund: FUND, entries: [anna, ben] })).code, 'ok')
    const salt = randomBytes(32).toString('hex')
    const pin = { salt, verifier: pinVerifier({ salt, proof: pinProof({ cardNumber: card.number, pin: card.pin }) }) }
    const issued = await t.send(clerk, 'issueVouchers', {
      fund: FUND,
      vouchers: [
        { beneficiary: anna.beneficiary, holder: wallet.did },
        { beneficiary: ben.beneficiary, card: { handle: cardHandle(card.number), pin } },
      ],
    })
    assert.equal(issued.code, 'ok')
    assert.equal(
      (await t.send(clerk, 'issueVouchers', { fund: FUND, vouchers: [{ beneficiary: carla.beneficiary }] })).code,
      'NOT_ELIGIBLE',
    )
    assert.equal(
      (await t.send(clerk, 'issueVouchers', { fund: FUND, vouchers: [{ beneficiary: anna.beneficiary }] })).code,
      'ALREADY_EXISTS',
    )
    const annas = t.query('voucher', { id: voucherIdOf(FUND, anna.beneficiary) })
    assert.deepEqual([annas.value, annas.balance, annas.holder], [30_000, 30_000, wallet.did])
    const bens = t.query('voucher', { card: cardHandle(card.number) })
    assert.deepEqual([bens.value, bens.card], [15_000, { handle: cardHandle(card.number), pin: true }])
    assert.deepEqual(
      [t.query('fund', { id: FUND }).totals.committed, t.query('fund', { id: FUND }).remaining],
      [45_000, 55_000],
    )
  })

  it('signs up providers (IBAN checked) and approves them per fund', async () => {
    const shop = (id: string, iban: string) => ({
      id,
      name: `${id} BV`,
      account: { name: `${id} BV`, iban },
      categories: ['sport'],
      funds: [FUND],
    })
    assert.equal(
      (await t.send(sport, 'registerProvider', shop('sportshop', 'NL91ABNA0417164399'))).code,
      'INVALID_ARGS',
    )
    assert.equal((await t.send(sport, 'registerProvider', shop('sportshop', 'NL91ABNA0417164300'))).code, 'ok')
    assert.equal(
      (
        await t.send(books, 'registerProvider', {
          ...shop('bookshop', 'BE68539007547034'),
          categories: ['culture', 'food'],
        })
      ).code,
      'ok',
    )
    assert.equal(
      (await t.send(sport, 'saveOffer', { id: 'swim-10', name: '10 swims', category: 'sport', price: 4_500 })).code,
      'ok',
    )
    assert.equal(
      (await t.send(sport, 'saveOffer', { id: 'book', name: 'A book', category: 'culture', price: 1_000 })).code,
      'OFFER_NOT_ALLOWED',
    )
    assert.equal(
      (await t.send(clerk, 'decideProviders', { fund: FUND, providers: ['sportshop'], status: 'approved' })).code,
      'ok',
    )
    assert.deepEqual(
      t.query('providers', { fund: FUND, status: 'pending' }).items.map((p: { id: string }) => p.id),
      ['bookshop'],
    )
  })

  it('redeems by QR and by card + PIN, each refusal with its own code', async () => {
    const annas = voucherIdOf(FUND, anna.beneficiary)
    const byCard = (pin: string, amount: number) => ({
      card: { handle: cardHandle(card.number), pinProof: pinProof({ cardNumber: card.number, pin }) },
      amount,
      category: 'sport',
    })
    assert.equal((await t.send(sport, 'redeem', { authorisation: authorise(annas), offer: 'swim-10' })).code, 'ok')
    const qrCode = authorise(annas)
    assert.equal((await t.send(sport, 'redeem', { authorisation: qrCode, amount: 1_000 })).code, 'ok')
    assert.equal(
      (await t.send(sport, 'redeem', { authorisation: qrCode, amount: 1_000 })).code,
      'WRONG_PIN',
      'a QR code works once',
    )
    const forged = { ...authorise(annas), payload: { ...authorise(annas).payload, maxAmount: 99_999 } }
    assert.equal((await t.send(sport, 'redeem', { authorisation: forged, amount: 1_000 })).code, 'WRONG_PIN')
    assert.equal(
      (await t.send(sport, 'redeem', { authorisation: authorise(annas, { maxAmount: 500 }), amount: 1_000 })).code,
      'USAGE_LIMIT_REACHED',
    )
    assert.equal((await t.send(sport, 'redeem', byCard('0000', 1_000))).code, 'WRONG_PIN')
    assert.equal((await t.send(sport, 'redeem', byCard(card.pin, 20_000))).code, 'INSUFFICIENT_BALANCE')
    assert.equal((await t.send(sport, 'redeem', byCard(card.pin, 5_000))).code, 'ok')
    assert.equal(
      (await t.send(books, 'redeem', { authorisation: authorise(annas), amount: 1_000, category: 'culture' })).code,
      'PROVIDER_NOT_APPROVED',
    )
    assert.equal(
      (await t.send(stranger, 'redeem', { authorisation: authorise(annas), amount: 1_000 })).code,
      'PROVIDER_NOT_APPROVED',
    )
    assert.equal((await t.send(sport, 'redeem', { authorisation: authorise(annas), amount: 1_000 })).code, 'ok')
    assert.equal(
      (await t.send(sport, 'redeem', { authorisation: authorise(annas), amount: 1_000 })).code,
      'USAGE_LIMIT_REACHED',
      '3 uses a week',
    )
    assert.equal(
      (await t.send(sport, 'redeem', { authorisation: authorise('v-nothing'), amount: 1_000 })).code,
      'VOUCHER_NOT_FOUND',
    )
    t.setTime('2026-03-10T09:00:00.000Z')
    assert.equal(
      (await t.send(clerk, 'decideProviders', { fund: FUND, providers: ['bookshop'], status: 'approved' })).code,
      'ok',
    )
    assert.equal(
      (await t.send(books, 'redeem', { authorisation: authorise(annas), amount: 1_000, category: 'food' })).code,
      'OFFER_NOT_ALLOWED',
    )
    assert.equal(
      (await t.send(books, 'redeem', { authorisation: authorise(annas), amount: 2_000, category: 'culture' })).code,
      'ok',
    )
    assert.equal(t.query('voucher', { id: annas }).balance, 30_000 - 4_500 - 1_000 - 1_000 - 2_000)
  })

  it('refunds, settles into a pain.001 that validates against the ISO 20022 XSD, and CSV', async () => {
    const { items } = t.query('redemptions', { provider: 'sportshop' })
    const swim = items.find((r: { offer: string | null }) => r.offer === 'swim-10')
    assert.equal((await t.send(books, 'refund', { redemption: swim.txid, reason: 'returned' })).code, 'NOT_OWNER')
    assert.equal(
      (await t.send(sport, 'refund', { redemption: swim.txid, amount: 500, reason: 'one swim returned' })).code,
      'ok',
    )
    assert.equal(
      (await t.send(sport, 'refund', { redemption: swim.txid, amount: 4_500, reason: 'too much' })).code,
      'CONFLICT',
    )
    assert.equal(
      (await t.send(clerk, 'createSettlement', { fund: FUND, id: '2026-03-a', executionDate: '2026-03-12' })).code,
      'ok',
    )
    assert.equal(
      (await t.send(clerk, 'createSettlement', { fund: FUND, id: '2026-03-b', executionDate: '2026-03-12' })).code,
      'CONFLICT',
    )
    const settlement = t.query('settlement', { id: '2026-03-a' })
    assert.deepEqual(
      settlement.items.map((i: { provider: string; amount: number; count: number }) => [i.provider, i.amount, i.count]),
      [
        ['bookshop', 2_000, 1],
        ['sportshop', 4_000 + 1_000 + 1_000 + 5_000, 4],
      ],
    )
    const xml = buildPain001({ settlement, debtor: t.query('fund', { id: FUND }).debtor })
    const result = await validateXML({
      xml: { fileName: 'batch.xml', contents: xml },
      schema: { fileName: 'pain.001.001.03.xsd', contents: XSD },
    })
    assert.deepEqual(result.errors, [])
    assert.equal(result.valid, true)
    assert.match(xml, /<CtrlSum>130\.00<\/CtrlSum>/)
    assert.equal(
      settlementCsv(settlement),
      'endToEndId,provider,name,iban,bic,amount,currency,redemptions\r\n2026-03-a-1,bookshop,bookshop BV,BE68539007547034,,20.00,EUR,1\r\n2026-03-a-2,sportshop,sportshop BV,NL91ABNA0417164300,,110.00,EUR,4\r\n',
    )
    const broken = await validateXML({
      xml: { fileName: 'bad.xml', contents: xml.replace('<PmtMtd>TRF</PmtMtd>', '') },
      schema: { fileName: 'pain.001.001.03.xsd', contents: XSD },
    })
    assert.equal(broken.valid, false, 'the XSD check has teeth')
    assert.equal((await t.send(clerk, 'markSettlementPaid', { id: '2026-03-a' })).code, 'ok')
    assert.equal(t.query('payable', { fund: FUND }).total, 0)
  })

  it('reimburses the holder after approval, and aggregates spending without persons', async () => {
    const annas = voucherIdOf(FUND, anna.beneficiary)
    const asked = await t.send(wallet, 'requestReimbursement', {
      voucher: annas,
      amount: 2_500,
      category: 'school',
      receipt: 'a'.repeat(64),
      payeeRef: 'vault:anna-iban',
    })
    assert.equal(asked.code, 'ok')
    assert.equal(
      (
        await t.send(stranger, 'requestReimbursement', {
          voucher: annas,
          amount: 100,
          category: 'school',
          receipt: 'a'.repeat(64),
          payeeRef: 'vault:x',
        })
      ).code,
      'NOT_OWNER',
    )
    const id = asked.result.ok ? asked.result.txid : ''
    assert.equal((await t.send(clerk, 'decideReimbursement', { id, approve: true })).code, 'ok')
    assert.equal((await t.send(clerk, 'decideReimbursement', { id, approve: true })).code, 'CONFLICT')
    assert.equal(t.query('voucher', { id: annas }).balance, 30_000 - 4_000 - 1_000 - 1_000 - 2_000 - 2_500)
    assert.deepEqual(t.query('spending', { fund: FUND, groupBy: 'category' }).items, [
      { key: 'sport', amount: 11_000, count: 4 },
      { key: 'culture', amount: 2_000, count: 1 },
    ])
    const portal = t.query('portal')
    const fund = portal.funds[0]
    assert.deepEqual(
      [fund.budget, fund.committed, fund.redeemed, fund.reimbursed, fund.vouchers, fund.redemptions, fund.providers],
      [100_000, 45_000, 13_000, 2_500, 2, 5, 2],
    )
    assert.doesNotMatch(JSON.stringify(portal), new RegExp(`${anna.beneficiary}|${annas}`))
  })

  it('refuses redemptions after expiry, after closing, and issuing beyond the budget', async () => {
    assert.equal(
      (await t.send(clerk, 'addEligible', { fund: FUND, entries: [{ beneficiary: carla.beneficiary, units: 1 }] }))
        .code,
      'ok',
    )
    assert.equal(
      (await t.send(clerk, 'issueVouchers', { fund: FUND, vouchers: [{ beneficiary: carla.beneficiary }] })).code,
      'ok',
    )
    const big = pseudonymiseRows({ key: KEY, fund: FUND, rows: [{ id: 'x', units: 4 }] })
    assert.equal((await t.send(clerk, 'addEligible', { fund: FUND, entries: big })).code, 'ok')
    assert.equal(
      (await t.send(clerk, 'issueVouchers', { fund: FUND, vouchers: [{ beneficiary: big[0]?.beneficiary }] })).code,
      'BUDGET_EXHAUSTED',
    )
    const pass = {
      id: 'swim-pass',
      name: 'Swim pass',
      budget: 10_000,
      opensAt: '2026-03-01T00:00:00Z',
      closesAt: '2026-12-01T00:00:00Z',
      eligibility: { kind: 'clerk' },
      amount: { kind: 'fixed', value: 5_000 },
      voucherKind: 'product',
      product: 'swim-10',
      validDays: 1,
      debtor: { name: 'Gemeente Zuidhorn', iban: 'NL91ABNA0417164300' },
    }
    assert.equal((await t.send(clerk, 'createFund', pass)).code, 'ok')
    assert.equal(
      (await t.send(clerk, 'decideProviders', { fund: 'swim-pass', providers: ['sportshop'], status: 'approved' }))
        .code,
      'ok',
    )
    assert.equal(
      (
        await t.send(sport, 'saveOffer', {
          id: 'swim-10',
          name: '10 swims',
          category: 'sport',
          price: 4_500,
          product: 'swim-10',
        })
      ).code,
      'ok',
    )
    const passCard = (n: string) => ({ card: { handle: cardHandle(n) }, offer: 'swim-10' })
    const cards = [
      { beneficiary: 'c'.repeat(64), card: { handle: cardHandle('1111') } },
      { beneficiary: 'd'.repeat(64), card: { handle: cardHandle('2222') } },
    ]
    assert.equal((await t.send(clerk, 'issueVouchers', { fund: 'swim-pass', vouchers: cards })).code, 'ok')
    assert.equal(
      (await t.send(sport, 'redeem', { card: { handle: cardHandle('1111') }, amount: 100 })).code,
      'OFFER_NOT_ALLOWED',
      'a product voucher buys its product',
    )
    assert.equal((await t.send(sport, 'redeem', passCard('1111'))).code, 'ok')
    assert.equal((await t.send(sport, 'redeem', passCard('1111'))).code, 'VOUCHER_EXPIRED', 'used up')
    t.setTime('2026-03-12T09:00:00.000Z')
    assert.equal((await t.send(sport, 'redeem', passCard('2222'))).code, 'VOUCHER_EXPIRED', 'valid one day')
    t.setTime('2026-12-31T00:00:00.000Z')
    const annas = voucherIdOf(FUND, anna.beneficiary)
    assert.equal((await t.send(sport, 'redeem', { authorisation: authorise(annas), amount: 100 })).code, 'FUND_CLOSED')
    assert.equal((await t.send(clerk, 'closeFund', { fund: FUND })).code, 'ok')
    assert.equal(t.query('fund', { id: FUND }).status, 'closed')
  })
})
