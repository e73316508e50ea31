import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { OpenID4VCIClient } from '@sphereon/oid4vci-client'
import { didKeyFromJwk } from '@tabularium/core'
import { generateKeyPair, signBytes } from '@tabularium/core/node'
import { decodeJwt, didKeyKid, signJwt, verifyCredential } from '@tabularium/identity'
import { createIdentityHttpNode, type IdentityTestNode } from '../../testing/identityNetwork.js'
import { createIdentityContext } from '../identityContext.js'

// An independent OpenID4VCI client from npm (@sphereon/oid4vci-client 0.16.0,
// draft 13) obtains a credential from the node over real HTTP on 127.0.0.1.
describe('OpenID4VCI issuer with @sphereon/oid4vci-client over HTTP', () => {
  let node: IdentityTestNode
  before(async () => {
    node = await createIdentityHttpNode()
  })
  after(() => node.close())

  const holderKeys = generateKeyPair({ algorithm: 'ES256' })
  const holder = didKeyFromJwk(holderKeys.publicJwk)
  const kid = didKeyKid(holder)
  const proofCallbacks = {
    signCallback: async (jwt: { header: unknown; payload: unknown }) =>
      signJwt({
        header: jwt.header as Record<string, unknown>,
        payload: jwt.payload as Record<string, unknown>,
        alg: 'ES256',
        sign: (data) => signBytes({ privateJwk: holderKeys.privateJwk, data }),
      }),
  }

  async function offer(): Promise<{ link: string; txCode: string }> {
    const claims = { resident_of: 'Test City', given_name: 'Anna', birthdate: '2001-04-01', age_over_16: true }
    const response = await node.fetch('/v1/oid4vci/offers', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(
        node.command('createOffer', { configurationIds: ['ResidencyCredential_jwt_vc_json'], claims }),
      ),
    })
    assert.equal(response.status, 201, await response.clone().text())
    return (await response.json()) as { link: string; txCode: string }
  }

  it('issues an EBSI JWT VC through the pre-authorised code flow with a transaction code', async () => {
    const { link, txCode } = await offer()
    assert.match(link, /^openid-credential-offer:\/\/\?credential_offer_uri=/)
    const client = await OpenID4VCIClient.fromURI({
      uri: link,
      kid,
      alg: 'ES256',
      retrieveServerMetadata: true,
      resolveOfferUri: true,
    })
    assert.equal(client.getIssuer(), node.url)
    await assert.rejects(client.acquireAccessToken({ pin: '000000' === txCode ? '111111' : '000000' }))
    await client.acquireAccessToken({ pin: txCode })
    const response = await client.acquireCredentials({
      credentialTypes: ['VerifiableCredential', 'VerifiableAttestation', 'ResidencyCredential'],
      format: 'jwt_vc_json',
      proofCallbacks,
      kid,
      alg: 'ES256',
    })
    const credential = response.credential as string
    const { header, payload } = decodeJwt(credential)
    assert.deepEqual([header.kid, payload.iss, payload.sub], [node.issuer.kid, 'did:tab:test-city', holder])

    // The node's own verification world: registry DIDs, TIR, schemas, status lists.
    const identity = createIdentityContext({ ledger: node.ledger, options: { issuer: node.issuer } })
    const world = { ...identity.verification(node.url), now: new Date() }
    const verified = await verifyCredential({ ...world, credential })
    assert.equal(verified.claims.resident_of, 'Test City')

    // Revoking through the ledger turns the served status list against it.
    const status = (payload.vc as { credentialStatus: { statusListIndex: string } }).credentialStatus
    await identity.submitAsIssuer('revoke', {
      issuer: 'did:tab:test-city',
      list: 'revocation-1',
      index: Number(status.statusListIndex),
    })
    const served = await fetch(`${node.url}/v1/registry/status-lists/did:tab:test-city/revocation-1`)
    assert.equal(served.headers.get('content-type'), 'application/jwt')
    await assert.rejects(
      verifyCredential({ ...world, credential, fetchStatusList: async (url) => (await fetch(url)).text() }),
      { code: 'REVOKED' },
    )
  })

  it('refuses a second redemption of the same code', async () => {
    const { link, txCode } = await offer()
    const client = await OpenID4VCIClient.fromURI({
      uri: link,
      kid,
      alg: 'ES256',
      retrieveServerMetadata: true,
      resolveOfferUri: true,
    })
    await client.acquireAccessToken({ pin: txCode })
    const again = await OpenID4VCIClient.fromURI({
      uri: link,
      kid,
      alg: 'ES256',
      retrieveServerMetadata: true,
      resolveOfferUri: true,
    }).catch((e) => e)
    if (again instanceof OpenID4VCIClient) await assert.rejects(again.acquireAccessToken({ pin: txCode }))
  })
})
