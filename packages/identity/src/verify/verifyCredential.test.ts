import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { toBase64Url, utf8 } from '@tabularium/core'
import type { DidDocument } from '../did/types.js'
import { createBitstring, setBit } from '../status/bitstring.js'
import { createStatusEntry } from '../status/createStatusEntry.js'
import { issueStatusListCredential } from '../status/issueStatusListCredential.js'
import { NOW, type Party, party, SCHEMA_ID, STATUS_URL, world } from '../testFixtures.js'
import { type IssueJwtVcParameters, issueJwtVc } from '../vc/issueJwtVc.js'
import { verifyCredential } from './verifyCredential.js'

const issuer = party()
const holder = party()
const SUSPEND_URL = `${STATUS_URL}/suspension`

function issue(overrides: Partial<IssueJwtVcParameters> = {}, by: Party = issuer): Promise<string> {
  return issueJwtVc({
    issuer: by.did,
    subject: holder.did,
    types: ['ResidencyCredential'],
    claims: { residentOf: 'Zug' },
    credentialSchema: { id: SCHEMA_ID, type: 'FullJsonSchemaValidator2021' },
    validFrom: new Date('2026-01-01T00:00:00Z'),
    validUntil: new Date('2027-01-01T00:00:00Z'),
    sign: by.sign,
    kid: by.kid,
    now: NOW,
    ...overrides,
  })
}

async function lists(by: Party = issuer): Promise<Map<string, string>> {
  const revoked = setBit(createBitstring(), 7, true)
  const suspended = setBit(createBitstring(), 9, true)
  const common = {
    issuer: by.did,
    credentialSchema: { id: SCHEMA_ID, type: 'JsonSchema' },
    validFrom: NOW,
    sign: by.sign,
    kid: by.kid,
    now: NOW,
  }
  return new Map([
    [
      STATUS_URL,
      await issueStatusListCredential({
        ...common,
        id: STATUS_URL,
        format: 'StatusList2021',
        purpose: 'revocation',
        bits: revoked,
      }),
    ],
    [
      SUSPEND_URL,
      await issueStatusListCredential({
        ...common,
        id: SUSPEND_URL,
        format: 'BitstringStatusList',
        purpose: 'suspension',
        bits: suspended,
      }),
    ],
  ])
}

function status(index: number, purpose: 'revocation' | 'suspension' = 'revocation') {
  const url = purpose === 'revocation' ? STATUS_URL : SUSPEND_URL
  return createStatusEntry({
    format: purpose === 'revocation' ? 'StatusList2021' : 'BitstringStatusList',
    statusListCredential: url,
    index,
    purpose,
  })
}

async function rejects(credential: string, code: string, context?: ReturnType<typeof world>): Promise<void> {
  const params = context ?? world(issuer, await lists())
  await assert.rejects(verifyCredential({ ...params, credential }), (error: { code?: string; message?: string }) => {
    assert.equal(error.code, code, error.message)
    return true
  })
}

describe('verifyCredential (JWT VC)', () => {
  it('accepts a valid credential and returns issuer, subject, types and claims', async () => {
    const credential = await issue({ credentialStatus: [status(8), status(8, 'suspension')] })
    const result = await verifyCredential({ ...world(issuer, await lists()), credential })
    assert.equal(result.ok, true)
    assert.equal(result.issuer, issuer.did)
    assert.equal(result.subject, holder.did)
    assert.deepEqual(result.types, ['VerifiableCredential', 'VerifiableAttestation', 'ResidencyCredential'])
    assert.deepEqual(result.claims, { residentOf: 'Zug' })
  })

  it('accepts an organisation DID resolved through the registry', async () => {
    const key = party()
    const did = 'did:tab:city-of-zug'
    const kid = `${did}#key-1`
    const document: DidDocument = {
      '@context': ['https://www.w3.org/ns/did/v1'],
      id: did,
      verificationMethod: [{ id: kid, type: 'JsonWebKey2020', controller: did, publicKeyJwk: key.publicJwk }],
      assertionMethod: [kid],
    }
    const org: Party = { ...key, did, kid }
    const credential = await issue({ alg: 'ES256' }, org)
    const context = { ...world(org, new Map(), new Map([[did, document]])) }
    assert.equal((await verifyCredential({ ...context, credential })).issuer, did)
  })

  it('rejects garbage with CREDENTIAL_MALFORMED', async () => {
    await rejects('not a credential', 'CREDENTIAL_MALFORMED')
    await rejects('e30.e30.', 'CREDENTIAL_MALFORMED')
  })

  it('rejects a tampered credential with INVALID_SIGNATURE', async () => {
    const [header, payload, signature] = (await issue()).split('.') as [string, string, string]
    const forged = JSON.parse(Buffer.from(payload, 'base64url').toString())
    forged.vc.credentialSubject.residentOf = 'Geneva'
    await rejects(`${header}.${toBase64Url(utf8(JSON.stringify(forged)))}.${signature}`, 'INVALID_SIGNATURE')
  })

  it("rejects a credential signed with another key than its issuer's with INVALID_SIGNATURE", async () => {
    const other = party()
    await rejects(await issue({ sign: other.sign }), 'INVALID_SIGNATURE')
  })

  it('rejects alg none and HS256 with UNSUPPORTED_ALGORITHM', async () => {
    const [, payload] = (await issue()).split('.') as [string, string]
    for (const alg of ['none', 'HS256']) {
      const header = toBase64Url(utf8(JSON.stringify({ alg, typ: 'JWT', kid: issuer.kid })))
      await rejects(`${header}.${payload}.`, 'UNSUPPORTED_ALGORITHM')
    }
  })

  it('rejects an issuer whose DID is not registered with DID_NOT_FOUND', async () => {
    const org: Party = { ...party(), did: 'did:tab:nobody', kid: 'did:tab:nobody#key-1' }
    await rejects(await issue({ alg: 'ES256' }, org), 'DID_NOT_FOUND')
  })

  it('rejects an issuer not accredited for the type with ISSUER_NOT_ACCREDITED', async () => {
    const context = { ...world(issuer, await lists()), isAccredited: () => false }
    await rejects(await issue(), 'ISSUER_NOT_ACCREDITED', context)
  })

  it('rejects an unknown schema with SCHEMA_UNKNOWN, even one named like an object property', async () => {
    await rejects(
      await issue({ credentialSchema: { id: 'https://elsewhere.example/s', type: 'JsonSchema' } }),
      'SCHEMA_UNKNOWN',
    )
    await rejects(await issue({ credentialSchema: { id: 'constructor', type: 'JsonSchema' } }), 'SCHEMA_UNKNOWN')
  })

  it('rejects claims that do not match the schema with SCHEMA_MISMATCH', async () => {
    await rejects(await issue({ claims: { residentOf: 42 } }), 'SCHEMA_MISMATCH')
  })

  it('rejects a credential before its validFrom with NOT_YET_VALID', async () => {
    await rejects(await issue({ validFrom: new Date('2026-07-01T00:00:00Z') }), 'NOT_YET_VALID')
  })

  it('rejects a credential after its validUntil with EXPIRED', async () => {
    await rejects(await issue({ validUntil: new Date('2026-05-01T00:00:00Z') }), 'EXPIRED')
  })

  it('rejects a revoked credential with REVOKED', async () => {
    await rejects(await issue({ credentialStatus: status(7) }), 'REVOKED')
  })

  it('rejects a suspended credential with SUSPENDED', async () => {
    await rejects(await issue({ credentialStatus: status(9, 'suspension') }), 'SUSPENDED')
  })

  it("rejects with STATUS_UNAVAILABLE when the list cannot be fetched or is not the issuer's", async () => {
    await rejects(await issue({ credentialStatus: status(1) }), 'STATUS_UNAVAILABLE', world(issuer, new Map()))
    await rejects(
      await issue({ credentialStatus: status(1) }),
      'STATUS_UNAVAILABLE',
      world(issuer, await lists(party())),
    )
  })

  it('rejects an issuer that is not a DID with INVALID_DID', async () => {
    const [header, payload, signature] = (await issue()).split('.') as [string, string, string]
    const p = JSON.parse(Buffer.from(payload, 'base64url').toString())
    p.iss = 'https://evil.example'
    p.vc.issuer = p.iss
    const h = JSON.parse(Buffer.from(header, 'base64url').toString())
    h.kid = 'https://evil.example#k'
    const text = (v: unknown) => toBase64Url(utf8(JSON.stringify(v)))
    await rejects(`${text(h)}.${text(p)}.${signature}`, 'INVALID_DID')
  })
})
