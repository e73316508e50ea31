import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { canonicalize, didKeyFromJwk, signingInput, toBase64, toBase64Url, utf8 } from '@tabularium/core'
import { generateKeyPair, signBytes } from '@tabularium/core/node'
import { createLedger, type Ledger, type SubmitResult } from '@tabularium/ledger'
import { createSandboxNetwork, governance } from '@tabularium/module-governance'
import { signTestTransaction } from '@tabularium/module-governance/testing'
import { grants } from '@tabularium/module-grants'
import { cardHandle, vouchers } from '@tabularium/module-vouchers'
import { pino } from 'pino'
import { loadConfig } from '../config/loadConfig.js'
import { createApp } from '../createApp.js'

describe('vouchers and grants routes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tabularium-funding-'))
  const { genesis, members } = createSandboxNetwork({ organisations: ['Groningen', 'Gent'], now: Date.now() })
  const clerk = members[0]!
  const shopKey = generateKeyPair()
  const shop = { did: didKeyFromJwk(shopKey.publicJwk), privateJwk: shopKey.privateJwk }
  let ledger: Ledger
  let app: ReturnType<typeof createApp>
  const send = async (
    signer: { did: string; privateJwk: any },
    module: string,
    action: string,
    args: Record<string, unknown>,
  ) => {
    const [result] = (await ledger.submit([
      signTestTransaction({ ...signer, network: genesis.network, module, action, args, now: Date.now() }),
    ])) as [SubmitResult]
    assert.ok(result.ok && result.outcome.status === 'accepted', JSON.stringify(result))
  }

  before(async () => {
    ledger = await createLedger({
      genesis,
      keys: clerk.nodeKeys,
      modules: [governance, vouchers, grants],
      path: join(dir, 'ledger.db'),
      verifierThreads: 0,
      logger: { error: () => {}, warn: () => {} },
    })
    app = createApp({ ledger, config: loadConfig({ env: {}, argv: [] }), logger: pino({ level: 'silent' }) })
    const year = new Date().getUTCFullYear()
    await send(clerk, 'vouchers', 'createFund', {
      id: 'pas',
      name: 'Stadjerspas',
      budget: 10_000,
      opensAt: `${year - 1}-01-01T00:00:00Z`,
      closesAt: `${year + 1}-01-01T00:00:00Z`,
      eligibility: { kind: 'list' },
      amount: { kind: 'fixed', value: 2_500 },
      debtor: { name: 'Gemeente Groningen', iban: 'NL91ABNA0417164300' },
    })
  })
  after(async () => {
    await ledger.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('pseudonymises an eligibility CSV at the boundary, then exports a settlement as pain.001 and CSV', async () => {
    const key = toBase64Url(new Uint8Array(32).fill(1))
    const post = (body: unknown) =>
      app.request('/v1/vouchers/funds/pas/eligibility', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
    const bad = await post({ csv: 'name\nAnna', key })
    assert.equal(bad.status, 400)
    assert.equal(((await bad.json()) as any).error.code, 'INVALID_REQUEST')
    const res = await post({ csv: 'id,children\n123,2\n456,0\n', key })
    const { entries } = (await res.json()) as { entries: { beneficiary: string; units: number }[] }
    assert.equal(entries.length, 2)
    assert.doesNotMatch(JSON.stringify(entries), /123|456/)
    await send(clerk, 'vouchers', 'addEligible', { fund: 'pas', entries })
    await send(clerk, 'vouchers', 'issueVouchers', {
      fund: 'pas',
      vouchers: [{ beneficiary: entries[0]?.beneficiary, card: { handle: cardHandle('42') } }],
    })
    await send(shop, 'vouchers', 'registerProvider', {
      id: 'shop',
      name: 'Fietsen & Co',
      account: { name: 'Fietsen & Co', iban: 'BE68539007547034' },
      categories: ['sport'],
    })
    await send(clerk, 'vouchers', 'decideProviders', { fund: 'pas', providers: ['shop'], status: 'approved' })
    await send(shop, 'vouchers', 'redeem', { card: { handle: cardHandle('42') }, amount: 1_250 })
    await send(clerk, 'vouchers', 'createSettlement', { fund: 'pas', id: 'batch-1', executionDate: '2030-01-02' })
    const xml = await app.request('/v1/vouchers/settlements/batch-1/pain.001')
    assert.equal(xml.headers.get('content-type'), 'application/xml; charset=utf-8')
    const text = await xml.text()
    assert.match(text, /<Nm>Fietsen &amp; Co<\/Nm>/)
    assert.match(text, /<InstdAmt Ccy="EUR">12\.50<\/InstdAmt>/)
    assert.match(
      await (await app.request('/v1/vouchers/settlements/batch-1/csv')).text(),
      /^endToEndId,.*\r\nbatch-1-1,shop,Fietsen & Co,BE68539007547034,,12\.50,EUR,1\r\n$/,
    )
    assert.equal((await app.request('/v1/vouchers/settlements/none/pain.001')).status, 404)
    assert.equal(
      await (await app.request('/v1/vouchers/spending.csv?groupBy=provider')).text(),
      'provider,amount,redemptions\r\nshop,12.50,1\r\n',
    )
  })

  it('stores sealed grant content and serves it only to its applicant before the deadline', async () => {
    const signed = (path: string, key = shopKey.privateJwk, did = shop.did) => {
      const payload = { did, path, expires: new Date(Date.now() + 60_000).toISOString() }
      const sig = signBytes({ privateJwk: key, data: signingInput('challenge', utf8(canonicalize(payload))) })
      return { authorization: `Tabularium ${toBase64Url(utf8(JSON.stringify(payload)))}.${toBase64Url(sig)}` }
    }
    const body = JSON.stringify({ content: toBase64(utf8('our sealed plan')) })
    assert.equal(
      (await app.request('/v1/grants/blobs', { method: 'POST', headers: { 'content-type': 'application/json' }, body }))
        .status,
      403,
    )
    const stored = await app.request('/v1/grants/blobs', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signed('/v1/grants/blobs') },
      body,
    })
    assert.equal(stored.status, 201)
    const { commitment } = (await stored.json()) as { commitment: string }
    const evaluator = generateKeyPair()
    const evaluatorDid = didKeyFromJwk(evaluator.publicJwk)
    await send(clerk, 'grants', 'createCall', {
      id: 'c1',
      title: 'Call',
      budget: 1_000_00,
      opensAt: '2020-01-01T00:00:00Z',
      deadline: '2099-01-01T00:00:00Z',
      criteria: [{ id: 'q', name: 'Quality', weight: 1, max: 10 }],
      evaluators: [evaluatorDid],
    })
    await send(shop, 'grants', 'apply', {
      call: 'c1',
      id: 'a1',
      organisation: 'BE0123456789',
      project: 'Bikes',
      title: 'Bikes',
      requested: 500_00,
      costPeriod: { from: '2030-01-01', to: '2030-12-31' },
      commitment,
      legalEntity: { credential: 'cd'.repeat(32), issuer: 'did:tab:registrar' },
    })
    const path = '/v1/grants/calls/c1/applications/a1/content'
    const own = await app.request(path, { headers: signed(path) })
    assert.equal(((await own.json()) as { content: string }).content, toBase64(utf8('our sealed plan')))
    const early = await app.request(path, { headers: signed(path, evaluator.privateJwk, evaluatorDid) })
    assert.equal(early.status, 409)
    assert.equal(((await early.json()) as any).error.code, 'CALL_NOT_CLOSED')
  })
})
