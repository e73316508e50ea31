import assert from 'node:assert/strict'
import { createHash, randomBytes } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import { toBase64Url } from '@tabularium/core'
import { generateKeyPair, signBytes } from '@tabularium/core/node'
import { decodeJwt, signJwt } from '@tabularium/identity'
import { createIdentityHttpNode, type IdentityTestNode } from '../../testing/identityNetwork.js'
import { RESIDENCY } from '../credentialConfigurations.js'

const SD_JWT_ID = 'ResidencyCredential_sd_jwt'
const CLIENT_ID = 'https://wallet.example/client'
const REDIRECT_URI = 'https://wallet.example/callback'
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
const pkce = () => {
  const verifier = toBase64Url(randomBytes(32))
  return { verifier, challenge: toBase64Url(createHash('sha256').update(verifier).digest()) }
}

// A wallet follows the OpenID4VCI authorisation code flow with PKCE (S256)
// over real HTTP with plain fetch, as the specifications describe it: offer
// (clerk-approved request) → AS metadata → authorize → redirect → token → credential.
describe('OpenID4VCI authorisation code flow with PKCE over HTTP', () => {
  let node: IdentityTestNode
  before(async () => {
    node = await createIdentityHttpNode()
  })
  after(() => node.close())
  const holder = generateKeyPair({ algorithm: 'ES256' })

  // A citizen's request approved by the clerk; answers the offer's issuer_state.
  async function approvedOffer(): Promise<{ issuerState: string; txCode: string; offer: Record<string, unknown> }> {
    const claims = { resident_of: 'Test City', given_name: 'Anna', birthdate: '2001-04-01', age_over_16: true }
    const created = await node.fetch('/v1/oid4vci/requests', json({ configurationId: SD_JWT_ID, claims }))
    assert.equal(created.status, 201, await created.clone().text())
    const { id } = (await created.json()) as { id: string }
    const approved = await node.fetch(
      `/v1/oid4vci/requests/${id}/approve`,
      json(node.command('approveRequest', { id })),
    )
    assert.equal(approved.status, 200, await approved.clone().text())
    const { uri, txCode } = (await approved.json()) as { uri: string; txCode: string }
    const offer = (await (await fetch(uri)).json()) as { grants: Record<string, { issuer_state?: string }> }
    const issuerState = offer.grants.authorization_code?.issuer_state
    assert.equal(typeof issuerState, 'string')
    return { issuerState: issuerState as string, txCode, offer }
  }

  async function authorize(query: Record<string, string>): Promise<URL> {
    const metadata = (await (await fetch(`${node.url}/.well-known/oauth-authorization-server`)).json()) as {
      authorization_endpoint: string
    }
    const url = new URL(metadata.authorization_endpoint)
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v)
    const response = await fetch(url, { redirect: 'manual' })
    assert.equal(response.status, 302, await response.text())
    return new URL(response.headers.get('location') as string)
  }

  async function code(p: { issuerState: string; txCode: string; challenge: string }): Promise<string> {
    const location = await authorize({
      tx_code: p.txCode,
      response_type: 'code',
      client_id: CLIENT_ID,
      redirect_uri: REDIRECT_URI,
      code_challenge: p.challenge,
      code_challenge_method: 'S256',
      state: 'wallet-state-1',
      issuer_state: p.issuerState,
      authorization_details: JSON.stringify([{ type: 'openid_credential', credential_configuration_id: SD_JWT_ID }]),
    })
    assert.equal(`${location.origin}${location.pathname}`, REDIRECT_URI)
    assert.equal(location.searchParams.get('state'), 'wallet-state-1')
    return location.searchParams.get('code') as string
  }

  async function token(body: Record<string, string>): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await fetch(`${node.url}/v1/oid4vci/token`, form(body))
    return { status: response.status, body: (await response.json()) as Record<string, unknown> }
  }
  const exchange = (c: string, verifier: string, redirectUri = REDIRECT_URI) =>
    token({
      grant_type: 'authorization_code',
      code: c,
      code_verifier: verifier,
      redirect_uri: redirectUri,
      client_id: CLIENT_ID,
    })

  it('advertises the authorisation code grant with PKCE S256', async () => {
    const metadata = (await (await fetch(`${node.url}/.well-known/oauth-authorization-server`)).json()) as Record<
      string,
      unknown
    >
    assert.equal(metadata.authorization_endpoint, `${node.url}/v1/oid4vci/authorize`)
    assert.deepEqual(metadata.code_challenge_methods_supported, ['S256'])
    assert.ok((metadata.grant_types_supported as string[]).includes('authorization_code'))
    const issuer = (await (await fetch(`${node.url}/.well-known/openid-credential-issuer`)).json()) as {
      authorization_servers: string[]
    }
    assert.deepEqual(issuer.authorization_servers, [node.url])
  })

  it('issues an SD-JWT VC through authorize → code → token → credential', async () => {
    const { issuerState, txCode, offer } = await approvedOffer()
    assert.deepEqual(offer.credential_configuration_ids, [SD_JWT_ID])
    const { verifier, challenge } = pkce()
    const granted = await exchange(await code({ issuerState, txCode, challenge }), verifier)
    assert.equal(granted.status, 200, JSON.stringify(granted.body))
    assert.equal(granted.body.token_type, 'bearer')
    const proof = await signJwt({
      header: { typ: 'openid4vci-proof+jwt', jwk: holder.publicJwk },
      payload: { aud: node.url, nonce: granted.body.c_nonce, iat: Math.floor(Date.now() / 1000) },
      alg: 'ES256',
      sign: (data) => signBytes({ privateJwk: holder.privateJwk, data }),
    })
    const response = await fetch(`${node.url}/v1/oid4vci/credential`, {
      ...json({ format: 'vc+sd-jwt', vct: RESIDENCY.vct, proof: { proof_type: 'jwt', jwt: proof } }),
      headers: { 'content-type': 'application/json', authorization: `Bearer ${granted.body.access_token}` },
    })
    const issued = (await response.json()) as { credential: string }
    assert.equal(response.status, 200, JSON.stringify(issued))
    const { payload } = decodeJwt(issued.credential.split('~')[0] as string)
    assert.equal(payload.iss, 'did:tab:test-city')

    // The offer is redeemed: its issuer_state no longer authenticates anyone.
    const again = await fetch(
      `${node.url}/v1/oid4vci/authorize?${new URLSearchParams({
        response_type: 'code',
        client_id: CLIENT_ID,
        redirect_uri: REDIRECT_URI,
        code_challenge: challenge,
        code_challenge_method: 'S256',
        issuer_state: issuerState,
      })}`,
      { redirect: 'manual' },
    )
    assert.equal(again.status, 400)
    assert.equal(((await again.json()) as { error: string }).error, 'access_denied')
  })

  it('refuses a wrong code_verifier, a reused code and another redirect_uri with invalid_grant', async () => {
    const { issuerState, txCode } = await approvedOffer()
    const { verifier, challenge } = pkce()

    const wrong = await exchange(await code({ issuerState, txCode, challenge }), pkce().verifier)
    assert.deepEqual([wrong.status, wrong.body.error], [400, 'invalid_grant'])

    const elsewhere = await exchange(
      await code({ issuerState, txCode, challenge }),
      verifier,
      'https://evil.example/cb',
    )
    assert.deepEqual([elsewhere.status, elsewhere.body.error], [400, 'invalid_grant'])

    const once = await code({ issuerState, txCode, challenge })
    const first = await exchange(once, verifier)
    assert.equal(first.status, 200, JSON.stringify(first.body))
    const reused = await exchange(once, verifier)
    assert.deepEqual([reused.status, reused.body.error], [400, 'invalid_grant'])

    const missing = await token({ grant_type: 'authorization_code', code: once, client_id: CLIENT_ID })
    assert.deepEqual([missing.status, missing.body.error], [400, 'invalid_request'])
  })

  it("asks for the clerk's transaction code: the offer alone is not enough", async () => {
    const { issuerState, txCode } = await approvedOffer()
    const query = {
      response_type: 'code',
      client_id: CLIENT_ID,
      redirect_uri: REDIRECT_URI,
      code_challenge: pkce().challenge,
      code_challenge_method: 'S256',
      issuer_state: issuerState,
    }
    const asked = await fetch(`${node.url}/v1/oid4vci/authorize?${new URLSearchParams(query)}`, { redirect: 'manual' })
    assert.equal(asked.status, 401)
    const page = await asked.text()
    assert.match(page, /<label for="tx_code">Transaction code<\/label>/)
    assert.match(page, /name="issuer_state" value="[^"]+"/)
    const wrongCode = txCode === '000000' ? '111111' : '000000'
    const wrong = await fetch(
      `${node.url}/v1/oid4vci/authorize?${new URLSearchParams({ ...query, tx_code: wrongCode })}`,
      {
        redirect: 'manual',
      },
    )
    assert.equal(wrong.status, 401)
    assert.match(await wrong.text(), /role="alert"/)
    const location = await authorize({ ...query, tx_code: txCode })
    assert.ok(location.searchParams.get('code'))
  })

  it('refuses the plain PKCE method and unknown issuer_state', async () => {
    const { issuerState, txCode } = await approvedOffer()
    const { verifier } = pkce()
    const location = await authorize({
      tx_code: txCode,
      response_type: 'code',
      client_id: CLIENT_ID,
      redirect_uri: REDIRECT_URI,
      code_challenge: verifier,
      code_challenge_method: 'plain',
      state: 's2',
      issuer_state: issuerState,
    })
    assert.equal(location.searchParams.get('error'), 'invalid_request')
    assert.equal(location.searchParams.get('state'), 's2')
    assert.equal(location.searchParams.get('code'), null)

    const unknown = await fetch(
      `${node.url}/v1/oid4vci/authorize?${new URLSearchParams({
        response_type: 'code',
        client_id: CLIENT_ID,
        redirect_uri: 'https://evil.example/cb',
        code_challenge: pkce().challenge,
        code_challenge_method: 'S256',
        issuer_state: 'forged',
      })}`,
      { redirect: 'manual' },
    )
    assert.equal(unknown.status, 400, 'never redirects an unauthenticated request')
  })
})
