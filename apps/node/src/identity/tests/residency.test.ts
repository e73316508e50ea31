import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { didKeyFromJwk } from '@tabularium/core'
import { generateKeyPair, signBytes } from '@tabularium/core/node'
import { createJwtVp, didKeyKid, presentSdJwtVc, signJwt } from '@tabularium/identity'
import { auditLedger } from '@tabularium/ledger'
import { createIdentityInProcessNode, type IdentityTestNode } from '../../testing/identityNetwork.js'
import { RESIDENCY } from '../credentialConfigurations.js'

const json = (body: unknown) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
})
const form = (body: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(body).toString(),
})

// The residency flow of Zug over the API: a citizen asks, a clerk approves,
// the wallet obtains an SD-JWT VC (OpenID4VCI), then presents only
// "resident of" and "over 16" to a service (OpenID4VP, direct_post).
describe('residency: clerk approval, OpenID4VCI issuance, OpenID4VP presentation', () => {
  let node: IdentityTestNode
  const holder = generateKeyPair({ algorithm: 'ES256' })
  const sign = (data: Uint8Array) => signBytes({ privateJwk: holder.privateJwk, data })
  let credential = ''
  before(async () => {
    node = await createIdentityInProcessNode()
  })
  after(() => node.close())

  async function call<T>(path: string, init?: RequestInit, status = 200): Promise<T> {
    const response = await node.fetch(path, init)
    const body = await response.json()
    assert.equal(response.status, status, JSON.stringify(body))
    return body as T
  }

  it('takes a request through the clerk queue to an SD-JWT VC in the wallet', async () => {
    const claims = { resident_of: 'Zug', given_name: 'Anna', birthdate: '2001-04-01', age_over_16: true }
    const request = await call<{ id: string; status: string }>(
      '/v1/oid4vci/requests',
      json({ configurationId: 'ResidencyCredential_sd_jwt', claims }),
      201,
    )
    assert.equal(request.status, 'pending')
    const queue = await call<{ items: { id: string; claims: unknown }[] }>(
      '/v1/oid4vci/requests/pending',
      json(node.command('listPendingRequests', {})),
    )
    assert.deepEqual(queue.items.find((i) => i.id === request.id)?.claims, claims)
    const unsigned = await node.fetch(`/v1/oid4vci/requests/${request.id}/approve`, json({ id: request.id }))
    assert.equal(unsigned.status, 400)
    const approved = await call<{ txCode: string }>(
      `/v1/oid4vci/requests/${request.id}/approve`,
      json(node.command('approveRequest', { id: request.id })),
    )
    assert.match(approved.txCode, /^[0-9]{6}$/)
    await call(
      `/v1/oid4vci/requests/${request.id}/approve`,
      json(node.command('approveRequest', { id: request.id })),
      409,
    )

    const polled = await call<{ status: string; offer: { uri: string; link: string } }>(
      `/v1/oid4vci/requests/${request.id}`,
    )
    assert.equal(polled.status, 'approved')
    const offer = await call<{ grants: Record<string, { 'pre-authorized_code': string }> }>(
      polled.offer.uri.slice(node.url.length),
    )
    const code = Object.values(offer.grants)[0]?.['pre-authorized_code'] as string
    const grant = 'urn:ietf:params:oauth:grant-type:pre-authorized_code'
    const token = await call<{ access_token: string; c_nonce: string }>(
      '/v1/oid4vci/token',
      form({ grant_type: grant, 'pre-authorized_code': code, tx_code: approved.txCode }),
    )
    const proof = await signJwt({
      header: { typ: 'openid4vci-proof+jwt', jwk: holder.publicJwk },
      payload: { aud: node.url, nonce: token.c_nonce, iat: Math.floor(Date.now() / 1000) },
      alg: 'ES256',
      sign,
    })
    const issued = await call<{ credential: string }>('/v1/oid4vci/credential', {
      ...json({ format: 'vc+sd-jwt', vct: RESIDENCY.vct, proof: { proof_type: 'jwt', jwt: proof } }),
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token.access_token}` },
    })
    credential = issued.credential
    assert.equal(credential.split('~').length > 4, true)
  })

  async function present(disclose: string[]) {
    const created = await call<{ state: string; request_uri: string }>('/v1/oid4vp/requests', json({}), 201)
    const request = await call<{
      client_id: string
      nonce: string
      state: string
      presentation_definition: { id: string }
    }>(created.request_uri.slice(node.url.length))
    const vp = await presentSdJwtVc({
      credential,
      disclose,
      audience: request.client_id,
      nonce: request.nonce,
      sign,
      alg: 'ES256',
      now: new Date(),
    })
    const submission = {
      id: 'submission-1',
      definition_id: request.presentation_definition.id,
      descriptor_map: [{ id: 'residency', format: 'vc+sd-jwt', path: '$' }],
    }
    const response = await node.fetch(
      '/v1/oid4vp/responses',
      form({ vp_token: vp, presentation_submission: JSON.stringify(submission), state: request.state }),
    )
    const outcome = await call<{
      status: string
      result: { credentials: { claims: unknown; issuer: string }[] } | null
      error: { code: string } | null
    }>(`/v1/oid4vp/requests/${created.state}`)
    return { response, outcome }
  }

  it('verifies a presentation that discloses only resident_of and age_over_16', async () => {
    const { response, outcome } = await present(['resident_of', 'age_over_16'])
    assert.equal(response.status, 200)
    assert.equal(outcome.status, 'verified')
    assert.deepEqual(outcome.result?.credentials[0]?.claims, { resident_of: 'Zug', age_over_16: true })
    assert.equal(outcome.result?.credentials[0]?.issuer, 'did:tab:test-city')
  })

  it('rejects a presentation that discloses the birth date too, or leaves out what is asked', async () => {
    const extra = await present(['resident_of', 'age_over_16', 'birthdate'])
    assert.deepEqual(
      [extra.response.status, extra.outcome.status, extra.outcome.error?.code],
      [422, 'rejected', 'PRESENTATION_REJECTED'],
    )
    const missing = await present(['resident_of'])
    assert.deepEqual([missing.response.status, missing.outcome.error?.code], [422, 'PRESENTATION_REJECTED'])
  })

  it('verifies a JWT VP of an EBSI JWT VC against a definition over credentialSubject', async () => {
    const holderDid = didKeyFromJwk(holder.publicJwk)
    const offer = await call<{ offer: { grants: Record<string, { 'pre-authorized_code': string }> }; txCode: string }>(
      '/v1/oid4vci/offers',
      json(
        node.command('createOffer', {
          configurationIds: ['ResidencyCredential_jwt_vc_json'],
          claims: { resident_of: 'Zug', age_over_16: true },
        }),
      ),
      201,
    )
    const code = Object.values(offer.offer.grants)[0]?.['pre-authorized_code'] as string
    const grant = 'urn:ietf:params:oauth:grant-type:pre-authorized_code'
    const token = await call<{ access_token: string; c_nonce: string }>(
      '/v1/oid4vci/token',
      form({ grant_type: grant, 'pre-authorized_code': code, tx_code: offer.txCode }),
    )
    const proof = await signJwt({
      header: { typ: 'openid4vci-proof+jwt', kid: didKeyKid(holderDid) },
      payload: { aud: node.url, nonce: token.c_nonce, iat: Math.floor(Date.now() / 1000) },
      alg: 'ES256',
      sign,
    })
    const { credential: jwtVc } = await call<{ credential: string }>('/v1/oid4vci/credential', {
      ...json({
        format: 'jwt_vc_json',
        credential_definition: { type: ['VerifiableCredential', 'ResidencyCredential'] },
        proof: { proof_type: 'jwt', jwt: proof },
      }),
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token.access_token}` },
    })
    const definition = {
      id: 'residency-jwt',
      input_descriptors: [
        {
          id: 'residency',
          constraints: {
            fields: [{ path: ['$.credentialSubject.resident_of'], filter: { type: 'string', const: 'Zug' } }],
          },
        },
      ],
    }
    const created = await call<{ state: string; authorization_request: { client_id: string; nonce: string } }>(
      '/v1/oid4vp/requests',
      json({ presentation_definition: definition }),
      201,
    )
    const { client_id, nonce } = created.authorization_request
    const vp = await createJwtVp({
      holder: holderDid,
      credentials: [jwtVc],
      audience: client_id,
      nonce,
      sign,
      kid: didKeyKid(holderDid),
      alg: 'ES256',
      now: new Date(),
    })
    const submission = {
      id: 's',
      definition_id: 'residency-jwt',
      descriptor_map: [
        {
          id: 'residency',
          format: 'jwt_vp',
          path: '$',
          path_nested: { format: 'jwt_vc', path: '$.verifiableCredential[0]' },
        },
      ],
    }
    const response = await node.fetch(
      '/v1/oid4vp/responses',
      form({ vp_token: vp, presentation_submission: JSON.stringify(submission), state: created.state }),
    )
    assert.equal(response.status, 200, await response.text())
    const outcome = await call<{ status: string }>(`/v1/oid4vp/requests/${created.state}`)
    assert.equal(outcome.status, 'verified')
  })

  it('leaves a ledger that audits clean', async () => {
    const audit = await auditLedger({
      path: node.audit.path,
      genesis: node.genesis,
      modules: node.audit.modules,
      verifierThreads: 0,
    })
    assert.equal(audit.ok, true, JSON.stringify(audit))
  })
})
