import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { sha256, toBase64Url, toHex, utf8 } from '@tabularium/core'
import { generateKeyPair, signBytes } from '@tabularium/core/node'
import { issueSdJwtVc, presentSdJwtVc } from '@tabularium/identity'
import { createLedger, type Ledger, type SubmitResult } from '@tabularium/ledger'
import { ballotsModule } from '@tabularium/module-ballots'
import { governance, type SandboxMember } from '@tabularium/module-governance'
import { registry } from '@tabularium/module-registry'
import { transactionSigningInput } from '@tabularium/protocol'
import { blindToken, finalizeToken, type TokenPublicKey, verifyToken } from '@tabularium/voting'
import { pino } from 'pino'
import { tokenRequestNonce } from '../ballots/checkCensus.js'
import { BALLOT_KEYS_DIR, createTokenKeyStore } from '../ballots/tokenKeyStore.js'
import { loadConfig } from '../config/loadConfig.js'
import { createApp } from '../createApp.js'
import { bootstrapIssuer } from '../identity/bootstrapIssuer.js'
import { RESIDENCY } from '../identity/credentialConfigurations.js'
import { nodeIssuerOf } from '../identity/nodeIssuer.js'
import { createTestNetwork } from '../testing/createTestNetwork.js'

const URL_BASE = 'http://node.test'
const json = (body: unknown) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
})

describe('ballots token desk: POST /v1/ballots/:id/tokens', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tabularium-desk-'))
  const net = createTestNetwork()
  const organiser = net.members[0] as SandboxMember
  const issuer = nodeIssuerOf({
    did: 'did:tab:test-city',
    kid: 'did:tab:test-city#key-1',
    privateJwk: generateKeyPair({ algorithm: 'ES256' }).privateJwk,
  })
  const roles = ['registry:registrant', 'registry:root', 'registry:issuer', 'ballots:issuer']
  const genesis = {
    ...net.genesis,
    roles: { ...net.genesis.roles, ...Object.fromEntries(roles.map((r) => [r, [issuer.signerDid]])) },
  }
  let ledger: Ledger
  let app: ReturnType<typeof createApp>
  const call = async <T>(path: string, init?: RequestInit, status = 200): Promise<T> => {
    const response = await app.request(`${URL_BASE}${path}`, init)
    const body = (await response.json()) as T
    assert.equal(response.status, status, JSON.stringify(body))
    return body
  }
  const command = (process: string) => {
    const tx = {
      v: 1 as const,
      network: genesis.network,
      module: 'ballots-desk',
      action: 'createTokenKey',
      args: { process },
      signer: organiser.did,
      nonce: toBase64Url(randomBytes(12)),
      expires: new Date(Date.now() + 60_000).toISOString(),
    }
    return { tx, sig: toBase64Url(signBytes({ privateJwk: organiser.privateJwk, data: transactionSigningInput(tx) })) }
  }
  const send = async (action: string, args: Record<string, unknown>) => {
    const [result] = (await ledger.submit([net.sign({ module: 'ballots', action, args })])) as [SubmitResult]
    assert.ok(result.ok && result.outcome.status === 'accepted', JSON.stringify(result))
  }
  const tokenKey = async (process: string) =>
    (await call<{ publicKey: TokenPublicKey }>(`/v1/ballots/${process}/token-key`, json(command(process)), 201))
      .publicKey

  before(async () => {
    ledger = await createLedger({
      genesis,
      keys: organiser.nodeKeys,
      modules: [governance, registry, ballotsModule],
      path: join(dir, 'ledger.db'),
      verifierThreads: 0,
      logger: { error: () => {}, warn: () => {} },
    })
    await bootstrapIssuer({ ledger, issuer })
    app = createApp({
      ledger,
      config: loadConfig({ env: {}, argv: [] }),
      logger: pino({ level: 'silent' }),
      identity: { issuer, publicUrl: URL_BASE },
      ballots: { tokenKeys: createTokenKeyStore({ dir: join(dir, BALLOT_KEYS_DIR) }) },
    })
  })
  after(async () => {
    await ledger.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('makes a key per process on a signed request, in a 0600 file, and refuses an unsigned one', async () => {
    const unsigned = await app.request(`${URL_BASE}/v1/ballots/x1/token-key`, json({ process: 'x1' }))
    assert.equal(unsigned.status, 400)
    const publicKey = await tokenKey('pb-desk')
    assert.equal(publicKey.variant, 'RSABSSA-SHA384-PSS-Randomized')
    assert.equal(statSync(join(dir, BALLOT_KEYS_DIR, 'pb-desk.json')).mode & 0o777, 0o600)
    const again = await call<{ publicKey: TokenPublicKey; audience: string }>('/v1/ballots/pb-desk/token-key')
    assert.deepEqual(again.publicKey, publicKey)
    assert.equal(again.audience, `${URL_BASE}/v1/ballots/pb-desk/tokens`)
  })

  it('issues a token for a one-time postal code once, and records only the code hash', async () => {
    const issuerKey = (await call<{ publicKey: TokenPublicKey }>('/v1/ballots/pb-desk/token-key')).publicKey
    const opens = new Date(Date.now() + 3_600_000).toISOString()
    const closes = new Date(Date.now() + 7_200_000).toISOString()
    await send('createBallot', {
      id: 'pb-desk',
      title: 'Park',
      questions: [
        {
          id: 'q',
          title: 'Which?',
          type: 'single',
          options: [
            { id: 'a', title: 'A' },
            { id: 'b', title: 'B' },
          ],
        },
      ],
      opens,
      closes,
      census: { kind: 'list' },
      issuerKey,
      trustees: [organiser.id],
      threshold: 1,
    })
    await send('addCensusCodes', { process: 'pb-desk', codeHashes: [toHex(sha256(utf8('K7Q2-MX4P')))] })
    const { blindedMessage, state } = await blindToken({ publicKey: issuerKey })
    const malformed = await app.request(
      `${URL_BASE}/v1/ballots/pb-desk/tokens`,
      json({ blindedMessage: toBase64Url(new Uint8Array(256).fill(255)), census: { kind: 'code', code: 'K7Q2-MX4P' } }),
    )
    assert.equal(malformed.status, 400, 'a blinded message above the modulus is refused before anything is recorded')
    const wrong = await call<{ error: { code: string } }>(
      '/v1/ballots/pb-desk/tokens',
      json({ blindedMessage, census: { kind: 'code', code: 'AAAA-BBBB' } }),
      403,
    )
    assert.equal(wrong.error.code, 'NOT_IN_CENSUS')
    const { blindSignature } = await call<{ blindSignature: string }>(
      '/v1/ballots/pb-desk/tokens',
      json({ blindedMessage, census: { kind: 'code', code: 'k7q2-mx4p ' } }),
    )
    const token = await finalizeToken({ publicKey: issuerKey, state, blindSignature })
    await verifyToken({ publicKey: issuerKey, token })
    const twice = await call<{ error: { code: string } }>(
      '/v1/ballots/pb-desk/tokens',
      json({ blindedMessage, census: { kind: 'code', code: 'K7Q2-MX4P' } }),
      409,
    )
    assert.equal(twice.error.code, 'TOKEN_ALREADY_ISSUED')
  })

  it('issues a petition token for a residency presentation disclosing exactly the census claims', async () => {
    const issuerKey = await tokenKey('bike-lanes')
    await send('createPetition', {
      id: 'bike-lanes',
      title: 'Bike lanes',
      text: 'More bike lanes',
      threshold: 1,
      opens: new Date(Date.now() - 1000).toISOString(),
      closes: new Date(Date.now() + 3_600_000).toISOString(),
      census: { kind: 'credential', credentialType: RESIDENCY.vct, claims: { resident_of: 'Zug', age_over_16: true } },
      issuerKey,
    })
    const holder = generateKeyPair({ algorithm: 'ES256' })
    const credentialFor = (residentOf: string) =>
      issueSdJwtVc({
        issuer: issuer.did,
        vct: RESIDENCY.vct,
        holderJwk: holder.publicJwk,
        claims: { resident_of: residentOf, age_over_16: true, birthdate: '2001-04-01' },
        disclosable: ['resident_of', 'age_over_16', 'birthdate'],
        validFrom: new Date(),
        sign: issuer.sign,
        kid: issuer.kid,
        alg: issuer.alg,
        now: new Date(),
      })
    const request = async (credential: string, disclose: string[], status: number) => {
      const { blindedMessage, state } = await blindToken({ publicKey: issuerKey })
      const presentation = await presentSdJwtVc({
        credential,
        disclose,
        audience: `${URL_BASE}/v1/ballots/bike-lanes/tokens`,
        nonce: tokenRequestNonce(blindedMessage),
        sign: (data) => signBytes({ privateJwk: holder.privateJwk, data }),
        alg: 'ES256',
        now: new Date(),
      })
      const body = await call<{ blindSignature: string; error: { code: string } }>(
        '/v1/ballots/bike-lanes/tokens',
        json({ blindedMessage, census: { kind: 'credential', presentation } }),
        status,
      )
      return { body, state }
    }
    const zug = await credentialFor('Zug')
    const extra = await request(zug, ['resident_of', 'age_over_16', 'birthdate'], 422)
    assert.equal(extra.body.error.code, 'PRESENTATION_REJECTED')
    const elsewhere = await request(await credentialFor('Baar'), ['resident_of', 'age_over_16'], 403)
    assert.equal(elsewhere.body.error.code, 'NOT_IN_CENSUS')
    const ok = await request(zug, ['resident_of', 'age_over_16'], 200)
    const token = await finalizeToken({ publicKey: issuerKey, state: ok.state, blindSignature: ok.body.blindSignature })
    const [signed] = (await ledger.submit([
      net.sign({ module: 'ballots', action: 'signPetition', args: { petition: 'bike-lanes', token } }),
    ])) as [SubmitResult]
    assert.ok(signed.ok && signed.outcome.status === 'accepted', JSON.stringify(signed))
    const again = await request(zug, ['resident_of', 'age_over_16'], 409)
    assert.equal(again.body.error.code, 'TOKEN_ALREADY_ISSUED')
  })
})
