import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { didKeyFromJwk, type PrivateJwk } from '@tabularium/core'
import { generateKeyPair, signBytes } from '@tabularium/core/node'
import { createJwtVp, didKeyKid, issueJwtVc, issueSdJwtVc, presentSdJwtVc } from '@tabularium/identity'
import { createLedger, type Ledger, type SubmitResult } from '@tabularium/ledger'
import { createSandboxNetwork, governance } from '@tabularium/module-governance'
import { signTestTransaction } from '@tabularium/module-governance/testing'
import { registry } from '@tabularium/module-registry'
import { type Voucher, vouchers } from '@tabularium/module-vouchers'
import { pino } from 'pino'
import { loadConfig } from '../config/loadConfig.js'
import { createApp } from '../createApp.js'
import { bootstrapIssuer } from '../identity/bootstrapIssuer.js'
import { RESIDENCY } from '../identity/credentialConfigurations.js'
import { nodeIssuerOf } from '../identity/nodeIssuer.js'

const json = (body: unknown) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
})

// A citizen applies to a credential fund with the residency credential in
// their wallet; the node verifies it and issues the voucher with its key.
describe('voucher applications with a credential', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tabularium-applications-'))
  const base = 'http://node.test'
  const issuer = nodeIssuerOf({
    did: 'did:tab:test-city',
    kid: 'did:tab:test-city#key-1',
    privateJwk: generateKeyPair({ algorithm: 'ES256' }).privateJwk,
  })
  const sandbox = createSandboxNetwork({ organisations: ['Groningen'], now: Date.now() })
  const clerk = sandbox.members[0] as (typeof sandbox.members)[0]
  const roles = ['registry:registrant', 'registry:root', 'registry:issuer', 'vouchers:manager']
  const genesis = {
    ...sandbox.genesis,
    roles: { ...sandbox.genesis.roles, ...Object.fromEntries(roles.map((r) => [r, [issuer.signerDid]])) },
  }
  const wallet = generateKeyPair()
  const walletDid = didKeyFromJwk(wallet.publicJwk)
  const sign = (privateJwk: PrivateJwk) => (data: Uint8Array) => signBytes({ privateJwk, data })
  let ledger: Ledger
  let app: ReturnType<typeof createApp>
  let sdJwt = ''

  const call = async (path: string, init?: RequestInit) => {
    const response = await app.request(`${base}${path}`, init)
    return { status: response.status, body: (await response.json()) as any }
  }
  const challenge = async (fund = 'pas') =>
    (await call(`/v1/vouchers/funds/${fund}/applications/challenge`, json({}))).body
  const presentTo = async (c: { audience: string; nonce: string }, credential = sdJwt, key = wallet.privateJwk) =>
    presentSdJwtVc({
      credential,
      disclose: ['resident_of'],
      audience: c.audience,
      nonce: c.nonce,
      sign: sign(key),
      alg: 'EdDSA',
      now: new Date(),
    })

  before(async () => {
    ledger = await createLedger({
      genesis,
      keys: clerk.nodeKeys,
      modules: [governance, registry, vouchers],
      path: join(dir, 'ledger.db'),
      verifierThreads: 0,
      logger: { error: () => {}, warn: () => {} },
    })
    await bootstrapIssuer({ ledger, issuer })
    app = createApp({
      ledger,
      config: loadConfig({ env: {}, argv: [] }),
      logger: pino({ level: 'silent' }),
      identity: { issuer, publicUrl: base },
    })
    const year = new Date().getUTCFullYear()
    for (const [id, budget] of [
      ['pas', 10_000],
      ['tiny', 2_500],
    ] as const) {
      const [result] = (await ledger.submit([
        signTestTransaction({
          ...clerk,
          network: genesis.network,
          module: 'vouchers',
          action: 'createFund',
          args: {
            id,
            name: 'Stadjerspas',
            budget,
            opensAt: `${year - 1}-01-01T00:00:00Z`,
            closesAt: `${year + 1}-01-01T00:00:00Z`,
            eligibility: { kind: 'credential', types: [RESIDENCY.vct], issuers: [issuer.did] },
            amount: { kind: 'fixed', value: 2_500 },
            managers: [issuer.signerDid],
            debtor: { name: 'Gemeente Groningen', iban: 'NL91ABNA0417164300' },
          },
          now: Date.now(),
        }),
      ])) as [SubmitResult]
      assert.ok(result.ok && result.outcome.status === 'accepted', JSON.stringify(result))
    }
    const now = new Date()
    sdJwt = await issueSdJwtVc({
      issuer: issuer.did,
      kid: issuer.kid,
      alg: issuer.alg,
      sign: issuer.sign,
      vct: RESIDENCY.vct,
      holderJwk: wallet.publicJwk,
      claims: { resident_of: 'Groningen', given_name: 'Anna' },
      disclosable: ['resident_of', 'given_name'],
      now,
      validFrom: now,
      validUntil: new Date(now.getTime() + 86_400_000),
    })
  })
  after(async () => {
    await ledger.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('answers the issuer key that signs the vouchers', async () => {
    const { body } = await call('/v1/vouchers/issuer')
    assert.deepEqual(body, { did: issuer.did, signer: issuer.signerDid })
  })

  it('issues a voucher held by the presenting wallet key, with only a pseudonym on the ledger', async () => {
    const c = await challenge()
    assert.equal(c.audience, `${base}/v1/vouchers/funds/pas/applications`)
    const presentation = await presentTo(c)
    const { status, body } = await call('/v1/vouchers/funds/pas/applications', json({ nonce: c.nonce, presentation }))
    assert.equal(status, 201, JSON.stringify(body))
    assert.equal(body.voucher.value, 2_500)
    assert.equal(body.voucher.holder, walletDid)
    const voucher = ledger.state('vouchers', `vouchers/${body.voucher.id}`) as Voucher
    assert.equal(voucher.basis, 'credential')
    assert.match(voucher.beneficiary, /^[0-9a-f]{64}$/)
    assert.match(voucher.evidence ?? '', /^[0-9a-f]{64}$/)
    const held = ledger.query('vouchers', 'vouchersOf', { holder: walletDid }) as { items: { id: string }[] }
    assert.deepEqual(
      held.items.map((v) => v.id),
      [body.voucher.id],
    )
  })

  it('refuses a second application by the same person, and a replayed nonce', async () => {
    const c = await challenge()
    const presentation = await presentTo(c)
    const again = await call('/v1/vouchers/funds/pas/applications', json({ nonce: c.nonce, presentation }))
    assert.deepEqual([again.status, again.body.error.code], [409, 'ALREADY_EXISTS'])
    assert.equal(again.body.error.message, 'you have a voucher of this fund already')
    const replay = await call('/v1/vouchers/funds/pas/applications', json({ nonce: c.nonce, presentation }))
    assert.deepEqual([replay.status, replay.body.error.code], [401, 'HOLDER_BINDING_INVALID'])
  })

  it('refuses a presentation made by someone else than the credential’s holder', async () => {
    const c = await challenge('tiny')
    const thief = generateKeyPair()
    const presentation = await presentTo(c, sdJwt, thief.privateJwk)
    const { status, body } = await call('/v1/vouchers/funds/tiny/applications', json({ nonce: c.nonce, presentation }))
    assert.deepEqual([status, body.error.code], [401, 'HOLDER_BINDING_INVALID'])
  })

  it('refuses a credential of a type the fund does not accept, and a nonce of another fund', async () => {
    const holder = generateKeyPair()
    const holderDid = didKeyFromJwk(holder.publicJwk)
    const now = new Date()
    const jwtVc = await issueJwtVc({
      issuer: issuer.did,
      kid: issuer.kid,
      alg: issuer.alg,
      sign: issuer.sign,
      subject: holderDid,
      types: [RESIDENCY.type],
      claims: { resident_of: 'Groningen' },
      credentialSchema: { id: RESIDENCY.schema, type: 'FullJsonSchemaValidator2021' },
      now,
      validFrom: now,
    })
    const c = await challenge('tiny')
    const vp = await createJwtVp({
      holder: holderDid,
      credentials: [jwtVc],
      audience: c.audience,
      nonce: c.nonce,
      sign: sign(holder.privateJwk),
      kid: didKeyKid(holderDid),
      alg: 'EdDSA',
      now,
    })
    const refused = await call('/v1/vouchers/funds/tiny/applications', json({ nonce: c.nonce, presentation: vp }))
    assert.equal(refused.body.error.code, 'NOT_ELIGIBLE', JSON.stringify(refused.body))
    assert.equal(refused.status, 403)
    const other = await challenge('pas')
    const wrongFund = await call(
      '/v1/vouchers/funds/tiny/applications',
      json({ nonce: other.nonce, presentation: await presentTo(other) }),
    )
    assert.equal(wrongFund.body.error.code, 'HOLDER_BINDING_INVALID')
  })

  it('refuses a challenge for an unknown fund', async () => {
    const unknown = await call('/v1/vouchers/funds/nope/applications/challenge', json({}))
    assert.deepEqual([unknown.status, unknown.body.error.code], [404, 'NOT_FOUND'])
  })
})
