import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { NOW, party, SCHEMA_ID, world } from '../testFixtures.js'
import { createJwtVp } from '../vc/createJwtVp.js'
import { issueJwtVc } from '../vc/issueJwtVc.js'
import { verifyJwtVp } from './verifyJwtVp.js'

const issuer = party()
const holder = party('EdDSA')

async function credentialFor(subject: string) {
  return issueJwtVc({
    issuer: issuer.did,
    subject,
    types: ['ResidencyCredential'],
    claims: { residentOf: 'Zug' },
    credentialSchema: { id: SCHEMA_ID, type: 'JsonSchema' },
    validFrom: NOW,
    sign: issuer.sign,
    kid: issuer.kid,
    now: NOW,
  })
}

describe('verifyJwtVp', () => {
  it("accepts the holder's presentation of their own credential", async () => {
    const presentation = await createJwtVp({
      holder: holder.did,
      credentials: [await credentialFor(holder.did)],
      audience: 'v',
      nonce: 'n',
      sign: holder.sign,
      kid: holder.kid,
      now: NOW,
    })
    const result = await verifyJwtVp({ ...world(issuer), presentation, audience: 'v', nonce: 'n' })
    assert.equal(result.holder, holder.did)
    assert.deepEqual(result.credentials[0]?.claims, { residentOf: 'Zug' })
  })

  it("rejects another nonce, and someone else's credential, with HOLDER_BINDING_INVALID", async () => {
    const own = await createJwtVp({
      holder: holder.did,
      credentials: [await credentialFor(holder.did)],
      audience: 'v',
      nonce: 'n',
      sign: holder.sign,
      kid: holder.kid,
      now: NOW,
    })
    await assert.rejects(verifyJwtVp({ ...world(issuer), presentation: own, audience: 'v', nonce: 'other' }), {
      code: 'HOLDER_BINDING_INVALID',
    })
    const stolen = await createJwtVp({
      holder: holder.did,
      credentials: [await credentialFor(party().did)],
      audience: 'v',
      nonce: 'n',
      sign: holder.sign,
      kid: holder.kid,
      now: NOW,
    })
    await assert.rejects(verifyJwtVp({ ...world(issuer), presentation: stolen, audience: 'v', nonce: 'n' }), {
      code: 'HOLDER_BINDING_INVALID',
    })
  })
})
