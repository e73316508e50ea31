import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { createDidResolver } from '@tabularium/identity'
import { createRegistryResolver } from '../resolver/createRegistryResolver.js'
import { newKey, registryNetwork } from '../testSupport.js'

const T = (s: number) => new Date(Date.parse('2026-02-01T00:00:00.000Z') + s * 1000).toISOString()

describe('registry: DID documents', () => {
  it('registers a did:tab document controlled by the signer, with JsonWebKey2020 keys', () => {
    const { city, register, query } = registryNetwork()
    assert.equal(register(city, 'did:tab:zug').ok, true)
    const { document, metadata } = query('resolve', { did: 'did:tab:zug' })
    assert.deepEqual(document.controller, [city.did])
    assert.deepEqual(document.verificationMethod[0], {
      id: 'did:tab:zug#key-1',
      type: 'JsonWebKey2020',
      controller: 'did:tab:zug',
      publicKeyJwk: city.publicJwk,
    })
    assert.deepEqual(document.assertionMethod, ['did:tab:zug#key-1'])
    assert.deepEqual([metadata.version, metadata.deactivated], [1, false])
  })

  it('rotates a key and resolves the document "valid at" any time of its history', async () => {
    const { city, run, code, query, ledger } = registryNetwork()
    const next = newKey()
    const key1 = { id: 'key-1', publicKeyJwk: city.publicJwk, relationships: ['assertionMethod'] }
    assert.equal(code(run(city, 'registerDid', { did: 'did:tab:zug', methods: [key1] }, T(0))), 'ok')
    assert.equal(
      code(
        run(
          city,
          'rotateKey',
          { did: 'did:tab:zug', old: 'key-1', method: { id: 'key-2', publicKeyJwk: next.publicJwk } },
          T(100),
        ),
      ),
      'ok',
    )
    assert.equal(code(run(city, 'deactivateDid', { did: 'did:tab:zug' }, T(200))), 'ok')

    const keysAt = (at: string) => query('resolve', { did: 'did:tab:zug', at }).document?.assertionMethod ?? null
    assert.deepEqual(keysAt(T(50)), ['did:tab:zug#key-1'])
    assert.deepEqual(keysAt(T(100)), ['did:tab:zug#key-2'])
    assert.deepEqual(keysAt(T(150)), ['did:tab:zug#key-2'])
    assert.equal(keysAt(T(250)), null)
    assert.throws(() => query('resolve', { did: 'did:tab:zug', at: T(-1) }), { code: 'DID_NOT_FOUND' })

    // Through packages/identity: the registry is the DidRegistry of resolveDid.
    const registryResolver = createRegistryResolver(ledger)
    const at = (s: number) => createDidResolver({ registry: registryResolver, at: new Date(T(s)) })
    assert.deepEqual((await at(50)('did:tab:zug')).verificationMethod[0]?.publicKeyJwk, city.publicJwk)
    assert.deepEqual((await at(150)('did:tab:zug')).verificationMethod[0]?.publicKeyJwk, next.publicJwk)
    await assert.rejects(createDidResolver({ registry: registryResolver })('did:tab:zug'), { code: 'DID_NOT_FOUND' })
  })

  it('lets only controllers change a DID, and hands control over with setControllers', () => {
    const { city, canton, register, run, code } = registryNetwork()
    register(city, 'did:tab:zug')
    const service = { id: 'oid4vci', type: 'OID4VCI', serviceEndpoint: 'https://zug.example/oid4vci' }
    assert.equal(code(run(canton, 'addService', { did: 'did:tab:zug', service })), 'NOT_OWNER')
    assert.equal(code(run(city, 'addService', { did: 'did:tab:zug', service })), 'ok')
    assert.equal(code(run(city, 'setControllers', { did: 'did:tab:zug', controllers: [canton.did] })), 'ok')
    assert.equal(code(run(city, 'removeService', { did: 'did:tab:zug', id: 'oid4vci' })), 'NOT_OWNER')
    assert.equal(code(run(canton, 'removeService', { did: 'did:tab:zug', id: 'oid4vci' })), 'ok')
  })

  it('refuses taken DIDs, private or unsupported keys, removing the last key, and changes after deactivation', () => {
    const { city, register, run, code } = registryNetwork()
    assert.equal(code(register(city, 'did:tab:zug')), 'ok')
    assert.equal(code(register(city, 'did:tab:zug')), 'ALREADY_EXISTS')
    const method = (publicKeyJwk: Record<string, string>) => ({ did: 'did:tab:zug', method: { id: 'k', publicKeyJwk } })
    assert.equal(code(run(city, 'addKey', method(city.privateJwk as unknown as Record<string, string>))), 'INVALID_KEY')
    assert.equal(code(run(city, 'addKey', method({ kty: 'RSA', n: 'AQAB', e: 'AQAB' }))), 'INVALID_KEY')
    assert.equal(code(run(city, 'removeKey', { did: 'did:tab:zug', id: 'key-1' })), 'CONFLICT')
    assert.equal(code(run(city, 'deactivateDid', { did: 'did:tab:zug' })), 'ok')
    assert.equal(code(run(city, 'addKey', method(newKey().publicJwk as Record<string, string>))), 'CONFLICT')
    assert.equal(code(register(city, 'did:tab:Zug')), 'INVALID_ARGS')
    assert.equal(code(register(newKey(), 'did:tab:other')), 'UNAUTHORISED')
  })
})
