import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { didKeyFromJwk, sha256, toHex, utf8 } from '@tabularium/core'
import { generateKeyPair } from '@tabularium/core/node'
import { issueJwtVc } from '@tabularium/identity'
import { createLedger, type Ledger, type SubmitResult } from '@tabularium/ledger'
import { createSandboxNetwork, governance } from '@tabularium/module-governance'
import { signTestTransaction } from '@tabularium/module-governance/testing'
import { grants } from '@tabularium/module-grants'
import { registry } from '@tabularium/module-registry'
import { pino } from 'pino'
import { loadConfig } from '../config/loadConfig.js'
import { createApp } from '../createApp.js'
import { bootstrapIssuer } from '../identity/bootstrapIssuer.js'
import { createIdentityContext } from '../identity/identityContext.js'
import { issueLegalEntityCredential, LEGAL_ENTITY } from '../identity/legalEntity.js'
import { nodeIssuerOf } from '../identity/nodeIssuer.js'
import { submitSigned } from '../identity/submitSigned.js'

const BASE = 'http://node.test'

// Issue 5: the applicant organisation applies with a verified legal-entity credential.
describe('grant applications with a legal-entity credential', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tabularium-legal-entity-'))
  const issuer = nodeIssuerOf({
    did: 'did:tab:test-registrar',
    kid: 'did:tab:test-registrar#key-1',
    privateJwk: generateKeyPair({ algorithm: 'ES256' }).privateJwk,
  })
  const rogueKey = generateKeyPair({ algorithm: 'ES256' })
  const rogue = nodeIssuerOf({ did: 'did:tab:rogue', kid: 'did:tab:rogue#key-1', privateJwk: rogueKey.privateJwk })
  const sandbox = createSandboxNetwork({ organisations: ['Gent'], now: Date.now() })
  const funder = sandbox.members[0] as (typeof sandbox.members)[0]
  const roles = ['registry:registrant', 'registry:root', 'registry:issuer']
  const genesis = {
    ...sandbox.genesis,
    roles: { ...sandbox.genesis.roles, ...Object.fromEntries(roles.map((r) => [r, [issuer.signerDid]])) },
  }
  const key = () => {
    const pair = generateKeyPair()
    return { did: didKeyFromJwk(pair.publicJwk), privateJwk: pair.privateJwk }
  }
  const applicant = key()
  const other = key()
  let ledger: Ledger
  let app: ReturnType<typeof createApp>
  const sign = (
    signer: { did: string; privateJwk: any },
    module: string,
    action: string,
    args: Record<string, unknown>,
  ) => signTestTransaction({ ...signer, network: genesis.network, module, action, args, now: Date.now() })
  // A signed command expires within 10 minutes (signTestTransaction gives an hour from `now`).
  const command = (signer: { did: string; privateJwk: any }, action: string, args: Record<string, unknown>) =>
    signTestTransaction({
      ...signer,
      network: genesis.network,
      module: 'grants',
      action,
      args,
      now: Date.now() - 55 * 60_000,
    })
  const applyTx = (id: string, credential: string, credentialIssuer = issuer.did, signer = applicant) =>
    sign(signer, 'grants', 'apply', {
      call: 'green',
      id,
      organisation: 'BE0123456789',
      project: `Project ${id}`,
      title: 'Green roofs on schools',
      requested: 40_000_00,
      costPeriod: { from: '2027-01-01', to: '2027-12-31' },
      commitment: 'ab'.repeat(32),
      legalEntity: { credential: toHex(sha256(utf8(credential))), issuer: credentialIssuer },
    })
  const post = (path: string, body: unknown) =>
    app.request(`${BASE}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
  const apply = (transaction: unknown, credential: string) =>
    post('/v1/grants/calls/green/applications', { transaction, credential })
  const errorOf = async (response: Response) =>
    [response.status, ((await response.json()) as { error: { code: string } }).error.code] as const
  const registrarIssue = async (subject: string, organisation = 'BE0123456789') => {
    const signed = command(funder, 'issueLegalEntityCredential', { subject, organisation, legalName: 'Groen BV' })
    const response = await post('/v1/grants/legal-entity-credentials', signed)
    assert.equal(response.status, 201, await response.clone().text())
    return ((await response.json()) as { credential: string }).credential
  }

  before(async () => {
    ledger = await createLedger({
      genesis,
      keys: funder.nodeKeys,
      modules: [governance, registry, grants],
      path: join(dir, 'ledger.db'),
      verifierThreads: 0,
      logger: { error: () => {}, warn: () => {} },
    })
    await bootstrapIssuer({ ledger, issuer })
    await submitSigned({
      ledger,
      privateJwk: issuer.privateJwk,
      signer: issuer.signerDid,
      module: 'registry',
      action: 'registerDid',
      args: {
        did: rogue.did,
        methods: [{ id: 'key-1', publicKeyJwk: rogue.publicJwk, relationships: ['assertionMethod'] }],
      },
    })
    app = createApp({
      ledger,
      config: loadConfig({ env: {}, argv: [] }),
      logger: pino({ level: 'silent' }),
      identity: { issuer, publicUrl: BASE },
    })
    const [created] = (await ledger.submit([
      sign(funder, 'grants', 'createCall', {
        id: 'green',
        title: 'Green roofs',
        budget: 100_000_00,
        opensAt: '2020-01-01T00:00:00Z',
        deadline: new Date(Date.now() + 3_600_000).toISOString(),
        criteria: [{ id: 'q', name: 'Quality', weight: 1, max: 10 }],
        evaluators: [other.did],
      }),
    ])) as [SubmitResult]
    assert.ok(created.ok && created.outcome.status === 'accepted', JSON.stringify(created))
  })
  after(async () => {
    await ledger.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('accepts an application with a valid legal-entity credential and records its hash and issuer', async () => {
    const credential = await registrarIssue(applicant.did)
    const response = await apply(applyTx('roofs', credential), credential)
    assert.equal(response.status, 201, await response.clone().text())
    const stored = ledger.state('grants', 'applications/green/roofs') as { applicant: string; legalEntity: unknown }
    assert.equal(stored.applicant, applicant.did)
    assert.deepEqual(stored.legalEntity, { credential: toHex(sha256(utf8(credential))), issuer: issuer.did })
  })

  it('refuses a credential about another subject or another organisation', async () => {
    const others = await registrarIssue(other.did)
    assert.deepEqual(await errorOf(await apply(applyTx('a2', others), others)), [401, 'HOLDER_BINDING_INVALID'])
    const otherOrg = await registrarIssue(applicant.did, 'NL000099998B57')
    assert.deepEqual(await errorOf(await apply(applyTx('a3', otherOrg), otherOrg)), [401, 'HOLDER_BINDING_INVALID'])
  })

  it('refuses a revoked credential', async () => {
    const identity = createIdentityContext({ ledger, options: { issuer } })
    const { credential, statusIndex } = await issueLegalEntityCredential({
      identity,
      base: BASE,
      subject: applicant.did,
      organisation: 'BE0123456789',
      legalName: 'Groen BV',
    })
    await identity.submitAsIssuer('revoke', { issuer: issuer.did, list: LEGAL_ENTITY.statusList, index: statusIndex })
    assert.deepEqual(await errorOf(await apply(applyTx('a4', credential), credential)), [403, 'REVOKED'])
  })

  it('refuses a credential from an issuer the registry does not accredit', async () => {
    const now = new Date()
    const credential = await issueJwtVc({
      issuer: rogue.did,
      subject: applicant.did,
      types: [LEGAL_ENTITY.type],
      claims: { organisation: 'BE0123456789', legalName: 'Groen BV' },
      credentialSchema: { id: LEGAL_ENTITY.schema, type: 'FullJsonSchemaValidator2021' },
      sign: rogue.sign,
      kid: rogue.kid,
      alg: rogue.alg,
      now,
      validFrom: now,
      validUntil: new Date(now.getTime() + 86_400_000),
    })
    const response = await apply(applyTx('a5', credential, rogue.did), credential)
    assert.deepEqual(await errorOf(response), [403, 'ISSUER_NOT_ACCREDITED'])
  })

  it('refuses a mismatched hash, and grants.apply through POST /v1/transactions', async () => {
    const credential = await registrarIssue(applicant.did)
    const wrong = applyTx('a6', `${credential}x`)
    assert.deepEqual(await errorOf(await apply(wrong, credential)), [400, 'INVALID_ARGS'])
    const direct = await post('/v1/transactions', applyTx('a7', credential))
    assert.deepEqual(await errorOf(direct), [400, 'INVALID_REQUEST'])
    assert.equal(ledger.state('grants', 'applications/green/a7'), undefined)
  })

  it('issues legal-entity credentials only on a registrar’s signed command', async () => {
    const signed = command(applicant, 'issueLegalEntityCredential', {
      subject: applicant.did,
      organisation: 'BE0123456789',
      legalName: 'Groen BV',
    })
    const response = await post('/v1/grants/legal-entity-credentials', signed)
    assert.equal(response.status, 403)
  })
})
