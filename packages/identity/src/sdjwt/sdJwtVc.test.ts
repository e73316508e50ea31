import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { digest, ES256 } from '@sd-jwt/crypto-nodejs'
import { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc'
import { toBase64Url, utf8 } from '@tabularium/core'
import { NOW, party, RESIDENCY_VCT, world } from '../testFixtures.js'
import { verifyCredential } from '../verify/verifyCredential.js'
import { issueSdJwtVc } from './issueSdJwtVc.js'
import { presentSdJwtVc } from './presentSdJwtVc.js'

const issuer = party('ES256')
const holder = party('ES256')
const AUDIENCE = 'https://shop.zug.example'
const NONCE = 'nonce-4711'

function issue(overrides: { validUntil?: Date } = {}) {
  return issueSdJwtVc({
    issuer: issuer.did,
    vct: RESIDENCY_VCT,
    holderJwk: holder.publicJwk,
    claims: { resident_of: 'Zug', age_over_16: true, birthdate: '2001-04-01' },
    disclosable: ['resident_of', 'age_over_16', 'birthdate'],
    validFrom: new Date('2026-01-01T00:00:00Z'),
    validUntil: new Date('2027-01-01T00:00:00Z'),
    ...overrides,
    sign: issuer.sign,
    kid: issuer.kid,
    now: NOW,
  })
}

function present(credential: string, p: { audience?: string; nonce?: string; signer?: typeof holder } = {}) {
  return presentSdJwtVc({
    credential,
    disclose: ['resident_of', 'age_over_16'],
    audience: p.audience ?? AUDIENCE,
    nonce: p.nonce ?? NONCE,
    sign: (p.signer ?? holder).sign,
    alg: 'ES256',
    now: NOW,
  })
}

const keyBinding = { audience: AUDIENCE, nonce: NONCE }

describe('SD-JWT VC', () => {
  it('@sd-jwt/sd-jwt-vc verifies our presentation and reveals only the disclosed claims', async () => {
    const presentation = await present(await issue())
    const verifier = await ES256.getVerifier(issuer.publicJwk as JsonWebKey)
    const kbVerifier = async (data: string, sig: string, payload: { cnf?: { jwk: unknown } }) =>
      (await ES256.getVerifier(payload.cnf?.jwk as JsonWebKey))(data, sig)
    const independent = new SDJwtVcInstance({ hasher: digest, verifier, kbVerifier, hashAlg: 'sha-256' })
    const { payload, kb } = await independent.verify(presentation, {
      keyBindingNonce: NONCE,
      currentDate: Math.floor(NOW.getTime() / 1000),
    })
    const claims = payload as Record<string, unknown>
    assert.equal(claims.resident_of, 'Zug')
    assert.equal(claims.age_over_16, true)
    assert.equal('birthdate' in claims, false)
    assert.equal(kb?.payload.aud, AUDIENCE)
  })

  it('verifyCredential accepts the presentation with only the disclosed claims', async () => {
    const result = await verifyCredential({ ...world(issuer), credential: await present(await issue()), keyBinding })
    assert.equal(result.format, 'sd_jwt_vc')
    assert.deepEqual(result.claims, { resident_of: 'Zug', age_over_16: true })
    assert.deepEqual(result.holderJwk, holder.publicJwk)
  })

  for (const [name, make] of [
    ['another nonce', async () => present(await issue(), { nonce: 'replayed' })],
    ['another audience', async () => present(await issue(), { audience: 'https://evil.example' })],
    ['a key other than cnf.jwk', async () => present(await issue(), { signer: party() })],
    ['no key-binding JWT', async () => issue()],
  ] as const) {
    it(`rejects a presentation with ${name} with HOLDER_BINDING_INVALID`, async () => {
      await assert.rejects(verifyCredential({ ...world(issuer), credential: await make(), keyBinding }), {
        code: 'HOLDER_BINDING_INVALID',
      })
    })
  }

  it('rejects an injected or altered disclosure with DISCLOSURE_INVALID', async () => {
    const credential = await issue()
    const injected = toBase64Url(utf8(JSON.stringify(['salt', 'birthdate', '1990-01-01'])))
    await assert.rejects(
      verifyCredential({ ...world(issuer), credential: `${credential.slice(0, -1)}~${injected}~` }),
      { code: 'DISCLOSURE_INVALID' },
    )
    const parts = credential.split('~')
    parts[1] = toBase64Url(utf8(JSON.stringify(['salt', 'resident_of', 'Geneva'])))
    await assert.rejects(verifyCredential({ ...world(issuer), credential: parts.join('~') }), {
      code: 'DISCLOSURE_INVALID',
    })
  })

  it('rejects an expired SD-JWT VC with EXPIRED and an unaccredited one with ISSUER_NOT_ACCREDITED', async () => {
    const expired = await present(await issue({ validUntil: new Date('2026-02-01T00:00:00Z') }))
    await assert.rejects(verifyCredential({ ...world(issuer), credential: expired, keyBinding }), { code: 'EXPIRED' })
    const presentation = await present(await issue())
    await assert.rejects(verifyCredential({ ...world(party()), credential: presentation, keyBinding }), {
      code: 'ISSUER_NOT_ACCREDITED',
    })
  })

  it('rejects a tampered issuer JWT with INVALID_SIGNATURE', async () => {
    const [jwt = '', ...rest] = (await issue()).split('~')
    const [h, p, s] = jwt.split('.') as [string, string, string]
    const forged = toBase64Url(utf8(Buffer.from(p, 'base64url').toString().replace(RESIDENCY_VCT, `${RESIDENCY_VCT}x`)))
    await assert.rejects(
      verifyCredential({ ...world(issuer), credential: [`${h}.${forged}.${s}`, ...rest].join('~') }),
      { code: 'INVALID_SIGNATURE' },
    )
  })
})
