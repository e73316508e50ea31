import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { decodeJwt } from '../jwt/decodeJwt.js'
import { NOW, party, SCHEMA_ID } from '../testFixtures.js'
import { createJwtVp } from './createJwtVp.js'
import { issueJwtVc } from './issueJwtVc.js'

describe('issueJwtVc', () => {
  it('maps the credential to iss, sub, jti, nbf, iat, exp and vc as the EBSI JWT VC profile asks', async () => {
    const issuer = party()
    const holder = party()
    const jwt = await issueJwtVc({
      issuer: issuer.did,
      subject: holder.did,
      types: ['ResidencyCredential'],
      claims: { residentOf: 'Zug' },
      credentialSchema: { id: SCHEMA_ID, type: 'FullJsonSchemaValidator2021' },
      termsOfUse: { id: 'https://tabularium.example/tir/issuers/x/attributes/1', type: 'IssuanceCertificate' },
      validFrom: NOW,
      validUntil: new Date('2027-06-01T12:00:00Z'),
      sign: issuer.sign,
      kid: issuer.kid,
      now: NOW,
      id: 'urn:uuid:1',
    })
    const { header, payload } = decodeJwt(jwt)
    assert.deepEqual(header, { typ: 'JWT', kid: issuer.kid, alg: 'ES256' })
    assert.equal(payload.iss, issuer.did)
    assert.equal(payload.sub, holder.did)
    assert.equal(payload.jti, 'urn:uuid:1')
    assert.equal(payload.nbf, 1780315200)
    assert.equal(payload.iat, 1780315200)
    assert.equal(payload.exp, 1811851200)
    const vc = payload.vc as Record<string, unknown>
    assert.deepEqual(vc.type, ['VerifiableCredential', 'VerifiableAttestation', 'ResidencyCredential'])
    assert.equal(vc.issuanceDate, '2026-06-01T12:00:00Z')
    assert.equal(vc.expirationDate, '2027-06-01T12:00:00Z')
    assert.deepEqual(vc.credentialSubject, { id: holder.did, residentOf: 'Zug' })
  })

  it('refuses a kid that is not a DID URL of the issuer', async () => {
    const issuer = party()
    await assert.rejects(
      issueJwtVc({
        issuer: issuer.did,
        types: [],
        claims: {},
        credentialSchema: { id: SCHEMA_ID, type: 'JsonSchema' },
        validFrom: NOW,
        sign: issuer.sign,
        kid: `${party().did}#x`,
        now: NOW,
      }),
      { code: 'INVALID_DID' },
    )
  })

  it('wraps credentials in a holder-signed VP with aud and nonce', async () => {
    const holder = party('EdDSA')
    const vp = await createJwtVp({
      holder: holder.did,
      credentials: ['a.b.c'],
      audience: 'https://verifier.example',
      nonce: 'n-1',
      sign: holder.sign,
      kid: holder.kid,
      now: NOW,
    })
    const { header, payload } = decodeJwt(vp)
    assert.equal(header.alg, 'EdDSA')
    assert.equal(payload.aud, 'https://verifier.example')
    assert.equal(payload.nonce, 'n-1')
    assert.deepEqual((payload.vp as Record<string, unknown>).verifiableCredential, ['a.b.c'])
  })
})
