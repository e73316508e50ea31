import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { canonicalize, didKeyFromJwk, signingInput, toBase64Url, utf8 } from '@tabularium/core'
import { generateKeyPair, signBytes } from '@tabularium/core/node'
import { createDidResolver, decodeJwt, verifyJwt } from '@tabularium/identity'
import { createLedger, type Ledger, type SubmitResult } from '@tabularium/ledger'
import { createSandboxNetwork, governance } from '@tabularium/module-governance'
import { signTestTransaction } from '@tabularium/module-governance/testing'
import { grants } from '@tabularium/module-grants'
import { createRegistryResolver, registry } from '@tabularium/module-registry'
import { pino } from 'pino'
import { loadConfig } from '../config/loadConfig.js'
import { createApp } from '../createApp.js'
import { bootstrapIssuer } from '../identity/bootstrapIssuer.js'
import { nodeIssuerOf } from '../identity/nodeIssuer.js'

// The winner of a grant call receives an award credential from the funder's node.
describe('grant award credential', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tabularium-award-'))
  const issuer = nodeIssuerOf({
    did: 'did:tab:test-city',
    kid: 'did:tab:test-city#key-1',
    privateJwk: generateKeyPair({ algorithm: 'ES256' }).privateJwk,
  })
  const sandbox = createSandboxNetwork({ organisations: ['Gent'], now: Date.now() })
  const funder = sandbox.members[0] as (typeof sandbox.members)[0]
  const roles = ['registry:registrant', 'registry:root', 'registry:issuer']
  const genesis = {
    ...sandbox.genesis,
    roles: { ...sandbox.genesis.roles, ...Object.fromEntries(roles.map((r) => [r, [issuer.signerDid]])) },
  }
  const applicantKey = generateKeyPair()
  const applicant = { did: didKeyFromJwk(applicantKey.publicJwk), privateJwk: applicantKey.privateJwk }
  const evaluatorKey = generateKeyPair()
  const evaluator = { did: didKeyFromJwk(evaluatorKey.publicJwk), privateJwk: evaluatorKey.privateJwk }
  let ledger: Ledger
  let app: ReturnType<typeof createApp>
  const send = async (signer: { did: string; privateJwk: any }, action: string, args: Record<string, unknown>) => {
    const tx = signTestTransaction({
      ...signer,
      network: genesis.network,
      module: 'grants',
      action,
      args,
      now: Date.now(),
    })
    const [result] = (await ledger.submit([tx])) as [SubmitResult]
    assert.ok(result.ok && result.outcome.status === 'accepted', JSON.stringify(result))
  }
  const signed = (path: string, who = applicant) => {
    const payload = { did: who.did, path, expires: new Date(Date.now() + 60_000).toISOString() }
    const sig = signBytes({ privateJwk: who.privateJwk, data: signingInput('challenge', utf8(canonicalize(payload))) })
    return {
      method: 'POST',
      headers: { authorization: `Tabularium ${toBase64Url(utf8(JSON.stringify(payload)))}.${toBase64Url(sig)}` },
    }
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
    app = createApp({
      ledger,
      config: loadConfig({ env: {}, argv: [] }),
      logger: pino({ level: 'silent' }),
      identity: { issuer, publicUrl: 'http://node.test' },
    })
    const deadline = new Date(Date.now() + 1_500).toISOString()
    await send(funder, 'createCall', {
      id: 'green',
      title: 'Green roofs',
      budget: 100_000_00,
      opensAt: '2020-01-01T00:00:00Z',
      deadline,
      criteria: [{ id: 'q', name: 'Quality', weight: 1, max: 10 }],
      evaluators: [evaluator.did],
    })
    await send(applicant, 'apply', {
      call: 'green',
      id: 'roofs',
      organisation: 'BE0123456789',
      project: 'Green Roofs 2027',
      title: 'Green roofs on schools',
      requested: 40_000_00,
      costPeriod: { from: '2027-01-01', to: '2027-12-31' },
      commitment: 'ab'.repeat(32),
      legalEntity: { credential: 'cd'.repeat(32), issuer: 'did:tab:registrar' },
    })
    await new Promise((r) => setTimeout(r, Date.parse(deadline) - Date.now() + 50))
    await send(funder, 'closeCall', { call: 'green' })
    await send(evaluator, 'declareInterest', { call: 'green', application: 'roofs', conflict: false })
    await send(evaluator, 'score', { call: 'green', application: 'roofs', scores: { q: 8 } })
    await send(funder, 'award', {
      call: 'green',
      application: 'roofs',
      amount: 40_000_00,
      milestones: [{ id: 'm1', amount: 40_000_00 }],
    })
  })
  after(async () => {
    await ledger.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('issues the applicant a JWT VC of the award, signed by the node’s issuer key', async () => {
    const awards = ledger.query('grants', 'awards', {}) as { items: { id: string }[] }
    const id = awards.items[0]?.id as string
    const path = `/v1/grants/awards/${id}/credential`
    const response = await app.request(`http://node.test${path}`, signed(path))
    assert.equal(response.status, 201)
    const { credential } = (await response.json()) as { credential: string }
    const resolveDid = createDidResolver({ registry: createRegistryResolver(ledger) })
    await verifyJwt({
      jwt: credential,
      purpose: 'assertionMethod',
      resolveDid,
      types: ['JWT'],
      signerOf: () => issuer.did,
    })
    const { payload } = decodeJwt(credential)
    const vc = payload.vc as { type: string[]; credentialSubject: Record<string, unknown> }
    assert.equal(payload.sub, applicant.did)
    assert.ok(vc.type.includes('GrantAwardCredential'))
    assert.deepEqual(vc.credentialSubject.amount, { value: 40_000, currency: 'EUR' })
    assert.equal(vc.credentialSubject.project, 'Green Roofs 2027')
  })

  it('refuses anyone but the applicant, and an unknown award', async () => {
    const awards = ledger.query('grants', 'awards', {}) as { items: { id: string }[] }
    const path = `/v1/grants/awards/${awards.items[0]?.id}/credential`
    const other = await app.request(`http://node.test${path}`, signed(path, evaluator))
    assert.deepEqual([other.status, ((await other.json()) as any).error.code], [403, 'NOT_OWNER'])
    const unsigned = await app.request(`http://node.test${path}`, { method: 'POST' })
    assert.equal(unsigned.status, 403)
    const none = '/v1/grants/awards/nope/credential'
    assert.equal((await app.request(`http://node.test${none}`, signed(none))).status, 404)
  })
})
