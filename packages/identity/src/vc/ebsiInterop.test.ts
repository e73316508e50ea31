// Independent checks: EBSI's own npm libraries read what Tabularium issues.
import assert from 'node:assert/strict'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { after, before, describe, it } from 'node:test'
import { getResolver } from '@cef-ebsi/key-did-resolver'
import { verifyCredentialJwt } from '@cef-ebsi/verifiable-credential'
import { Resolver } from 'did-resolver'
import { didKeyDocument } from '../did/didKeyDocument.js'
import { createBitstring, setBit } from '../status/bitstring.js'
import { createStatusEntry } from '../status/createStatusEntry.js'
import { issueStatusListCredential } from '../status/issueStatusListCredential.js'
import { NOW, party } from '../testFixtures.js'
import { issueJwtVc } from './issueJwtVc.js'

// EBSI VCDM 1.1 attestation schema (2024-01), which the library bundles: no network needed.
const EBSI_ATTESTATION_SCHEMA =
  'https://api-pilot.ebsi.eu/trusted-schemas-registry/v3/schemas/zDpWGUBenmqXzurskry9Nsk6vq2R8thh9VSeoRqguoyMD'
const RESIDENCY_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  properties: {
    credentialSubject: {
      type: 'object',
      properties: { residentOf: { type: 'string' } },
      required: ['id', 'residentOf'],
    },
  },
  required: ['credentialSubject'],
}

describe('EBSI libraries accept Tabularium output', () => {
  const issuer = party('ES256')
  const holder = party('ES256')
  const served = new Map<string, { type: string; body: string }>()
  let server: Server
  let base = ''

  before(async () => {
    // A loopback stand-in for the node, serving schemas and status lists under EBSI's registry paths.
    server = createServer((req, res) => {
      const hit = served.get(req.url ?? '')
      res
        .writeHead(hit === undefined ? 404 : 200, { 'content-type': hit?.type ?? 'text/plain' })
        .end(hit?.body ?? 'not found')
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://localhost:${(server.address() as AddressInfo).port}`
  })
  after(() => server.close())

  function options() {
    return {
      ebsiAuthority: 'localhost',
      ebsiEnvConfig: {
        didRegistry: `${base}/did-registry/v5/identifiers`,
        trustedIssuersRegistry: `${base}/trusted-issuers-registry/v5/issuers`,
        trustedPoliciesRegistry: `${base}/trusted-policies-registry/v3/users`,
      },
      validAt: Math.floor(NOW.getTime() / 1000),
      skipAccreditationsValidation: true,
      timeout: 2_000,
    }
  }

  it('@cef-ebsi/key-did-resolver resolves our P-256 did:key to the same JWK and kid', async () => {
    const { didDocument } = await new Resolver(getResolver()).resolve(holder.did)
    const ours = didKeyDocument(holder.did)
    assert.deepEqual(didDocument?.verificationMethod?.[0]?.publicKeyJwk, holder.publicJwk)
    assert.equal(didDocument?.verificationMethod?.[0]?.id, ours.verificationMethod[0]?.id)
    assert.deepEqual(didDocument?.assertionMethod, ours.assertionMethod)
  })

  it('@cef-ebsi/verifiable-credential verifies a JWT VC against the bundled EBSI attestation schema', async () => {
    const jwt = await issueJwtVc({
      issuer: issuer.did,
      subject: holder.did,
      types: ['ResidencyCredential'],
      claims: { residentOf: 'Zug' },
      credentialSchema: { id: EBSI_ATTESTATION_SCHEMA, type: 'FullJsonSchemaValidator2021' },
      validFrom: NOW,
      validUntil: new Date('2027-06-01T00:00:00Z'),
      sign: issuer.sign,
      kid: issuer.kid,
      now: NOW,
    })
    const vc = await verifyCredentialJwt(jwt, { ...options(), skipStatusValidation: true })
    assert.equal(vc.issuer, issuer.did)
    assert.deepEqual(vc.credentialSubject, { id: holder.did, residentOf: 'Zug' })
  })

  it('…and against our own schema and StatusList2021 served over loopback, rejecting a revoked one', async () => {
    const schemaUrl = `${base}/trusted-schemas-registry/v3/schemas/residency-v1`
    const listUrl = `${base}/trusted-issuers-registry/v5/issuers/${issuer.did}/proxy/tabularium/credentials/status/1`
    served.set(new URL(schemaUrl).pathname, { type: 'application/json', body: JSON.stringify(RESIDENCY_SCHEMA) })
    const list = await issueStatusListCredential({
      issuer: issuer.did,
      id: listUrl,
      format: 'StatusList2021',
      purpose: 'revocation',
      bits: setBit(createBitstring(), 3, true),
      credentialSchema: { id: EBSI_ATTESTATION_SCHEMA, type: 'FullJsonSchemaValidator2021' },
      validFrom: NOW,
      sign: issuer.sign,
      kid: issuer.kid,
      now: NOW,
    })
    served.set(new URL(listUrl).pathname, { type: 'application/jwt', body: list })
    const issue = (index: number, residentOf: unknown) =>
      issueJwtVc({
        issuer: issuer.did,
        subject: holder.did,
        types: ['ResidencyCredential'],
        claims: { residentOf },
        credentialSchema: { id: schemaUrl, type: 'FullJsonSchemaValidator2021' },
        credentialStatus: createStatusEntry({
          format: 'StatusList2021',
          statusListCredential: listUrl,
          index,
          purpose: 'revocation',
        }),
        validFrom: NOW,
        sign: issuer.sign,
        kid: issuer.kid,
        now: NOW,
      })
    const vc = await verifyCredentialJwt(await issue(2, 'Zug'), options())
    assert.equal((vc.credentialSubject as { residentOf?: string }).residentOf, 'Zug')
    await assert.rejects(verifyCredentialJwt(await issue(3, 'Zug'), options()), /revoked/)
    await assert.rejects(verifyCredentialJwt(await issue(2, 42), options()), /residentOf/)
  })

  it('@cef-ebsi/verifiable-credential rejects a tampered credential', async () => {
    const jwt = await issueJwtVc({
      issuer: issuer.did,
      subject: holder.did,
      types: ['ResidencyCredential'],
      claims: { residentOf: 'Zug' },
      credentialSchema: { id: EBSI_ATTESTATION_SCHEMA, type: 'FullJsonSchemaValidator2021' },
      validFrom: NOW,
      sign: issuer.sign,
      kid: issuer.kid,
      now: NOW,
    })
    const [h, p, s] = jwt.split('.') as [string, string, string]
    const forged = Buffer.from(Buffer.from(p, 'base64url').toString().replace('Zug', 'Bern')).toString('base64url')
    await assert.rejects(verifyCredentialJwt(`${h}.${forged}.${s}`, { ...options(), skipStatusValidation: true }))
  })
})
