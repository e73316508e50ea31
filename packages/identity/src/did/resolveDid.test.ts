import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { party } from '../testFixtures.js'
import { resolveDid } from './resolveDid.js'
import { resolveVerificationKey } from './resolveVerificationKey.js'

describe('resolveDid', () => {
  for (const algorithm of ['ES256', 'EdDSA'] as const) {
    it(`resolves a ${algorithm} did:key to a document whose key holds every relationship`, async () => {
      const p = party(algorithm)
      const doc = await resolveDid(p.did)
      assert.deepEqual(doc.verificationMethod, [
        { id: p.kid, type: 'JsonWebKey2020', controller: p.did, publicKeyJwk: p.publicJwk },
      ])
      assert.deepEqual(doc.assertionMethod, [p.kid])
      assert.deepEqual(doc.authentication, [p.kid])
    })
  }

  it('asks the registry for other methods, at a given time, and refuses unknown ones with DID_NOT_FOUND', async () => {
    const asked: unknown[] = []
    const registry = (did: string, options: { at?: Date }) => {
      asked.push([did, options.at?.toISOString()])
      return undefined
    }
    await assert.rejects(resolveDid('did:tab:x', { registry, at: new Date(0) }), { code: 'DID_NOT_FOUND' })
    assert.deepEqual(asked, [['did:tab:x', '1970-01-01T00:00:00.000Z']])
    await assert.rejects(resolveDid('did:web:example.org'), { code: 'DID_NOT_FOUND' })
    await assert.rejects(
      resolveDid('did:tab:x', { registry: () => ({ '@context': [], id: 'did:tab:y', verificationMethod: [] }) }),
      { code: 'DID_NOT_FOUND' },
    )
  })

  it('refuses malformed DIDs with INVALID_DID', async () => {
    for (const bad of ['', 'did:key:zzz', 'did:key:z6Mk#frag', 'https://x', `did:key:z${'a'.repeat(3000)}`]) {
      await assert.rejects(resolveDid(bad), { code: 'INVALID_DID' }, bad)
    }
  })

  it('refuses a kid of another DID, or one not listed for the purpose, with INVALID_SIGNATURE', async () => {
    const p = party()
    const resolve = (did: string) => resolveDid(did)
    await assert.rejects(
      resolveVerificationKey({
        kid: `${party().kid}`,
        controller: p.did,
        purpose: 'assertionMethod',
        resolveDid: resolve,
      }),
      { code: 'INVALID_SIGNATURE' },
    )
    await assert.rejects(
      resolveVerificationKey({
        kid: `${p.did}#other`,
        controller: p.did,
        purpose: 'assertionMethod',
        resolveDid: resolve,
      }),
      { code: 'INVALID_SIGNATURE' },
    )
    assert.deepEqual(
      await resolveVerificationKey({ kid: p.kid, controller: p.did, purpose: 'authentication', resolveDid: resolve }),
      p.publicJwk,
    )
  })
})
