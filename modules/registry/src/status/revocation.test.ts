import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { createDidResolver, createStatusEntry, issueJwtVc, verifyCredential } from '@tabularium/identity'
import { createRegistryIsAccredited } from '../resolver/createRegistryIsAccredited.js'
import { createRegistryResolver } from '../resolver/createRegistryResolver.js'
import { createRegistrySchemas } from '../resolver/createRegistrySchemas.js'
import { issueRegistryStatusList } from '../resolver/issueRegistryStatusList.js'
import { newKey, registryNetwork } from '../testSupport.js'

const TYPE = 'ResidencyCredential'
const SCHEMA_ID = 'https://zug.example/schemas/residency/v1'
const BASE = 'https://zug.example/v1/registry'
const LIST_URL = `${BASE}/status-lists/did:tab:zug/revocation-1`
const residencySchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  required: ['credentialSubject'],
  properties: {
    credentialSubject: { type: 'object', required: ['residentOf'], properties: { residentOf: { type: 'string' } } },
  },
}

// A City of Zug accredited for residency, its schema and a revocation list, on the ledger.
function issuerNetwork() {
  const net = registryNetwork()
  const { root, city, register, run, code } = net
  register(root, 'did:tab:ch')
  register(city, 'did:tab:zug')
  const rootTao = run(root, 'accredit', { subject: 'did:tab:ch', kind: 'RootTAO', credentialTypes: [TYPE] })
  const parent = rootTao.ok ? rootTao.txid.slice(0, 16) : ''
  const ti = run(root, 'accredit', { subject: 'did:tab:zug', kind: 'TI', credentialTypes: [TYPE], parent })
  assert.equal(code(run(city, 'registerSchema', { id: SCHEMA_ID, schema: residencySchema })), 'UNAUTHORISED')
  assert.equal(code(run(root, 'registerSchema', { id: SCHEMA_ID, schema: residencySchema })), 'ok')
  assert.equal(
    code(run(city, 'createStatusList', { issuer: 'did:tab:zug', list: 'revocation-1', purpose: 'revocation' })),
    'ok',
  )
  return { ...net, accreditation: ti.ok ? ti.txid.slice(0, 16) : '' }
}

describe('registry: revocation through the ledger', () => {
  it('makes verifyCredential answer REVOKED once the issuer revokes on the ledger', async () => {
    const { ledger, city, run, code, query, accreditation } = issuerNetwork()
    const allocated = run(city, 'allocateStatus', { issuer: 'did:tab:zug', list: 'revocation-1' })
    const index = allocated.ok ? (allocated.events[0]?.data.index as number) : -1
    assert.equal(index, 0)
    const holder = newKey()
    const now = new Date()
    const credential = await issueJwtVc({
      issuer: 'did:tab:zug',
      subject: holder.did,
      types: [TYPE],
      claims: { residentOf: 'Zug' },
      credentialSchema: { id: SCHEMA_ID, type: 'FullJsonSchemaValidator2021' },
      credentialStatus: createStatusEntry({
        format: 'StatusList2021',
        statusListCredential: LIST_URL,
        index,
        purpose: 'revocation',
      }),
      termsOfUse: { id: `${BASE}/accreditations/${accreditation}`, type: 'IssuanceCertificate' },
      validFrom: now,
      sign: city.sign,
      kid: 'did:tab:zug#key-1',
      alg: 'ES256',
      now,
    })
    const verify = () =>
      verifyCredential({
        credential,
        now: new Date(),
        resolveDid: createDidResolver({ registry: createRegistryResolver(ledger) }),
        isAccredited: createRegistryIsAccredited(ledger),
        schemas: createRegistrySchemas(ledger),
        fetchStatusList: async (url) => {
          assert.equal(url, LIST_URL)
          const jwt = await issueRegistryStatusList({
            ledger,
            issuer: 'did:tab:zug',
            list: 'revocation-1',
            url,
            credentialSchema: { id: SCHEMA_ID, type: 'JsonSchema' },
            sign: city.sign,
            kid: 'did:tab:zug#key-1',
            alg: 'ES256',
            now: new Date(),
          })
          return jwt ?? assert.fail('no list')
        },
      })
    const verified = await verify()
    assert.deepEqual([verified.issuer, verified.claims], ['did:tab:zug', { residentOf: 'Zug' }])

    assert.equal(code(run(city, 'revoke', { issuer: 'did:tab:zug', list: 'revocation-1', index })), 'ok')
    assert.deepEqual(query('statusList', { issuer: 'did:tab:zug', list: 'revocation-1' }).set, [0])
    await assert.rejects(verify(), { code: 'REVOKED' })
  })

  it('refuses an issuer the registry does not accredit with ISSUER_NOT_ACCREDITED', async () => {
    const { ledger, canton, register } = issuerNetwork()
    register(canton, 'did:tab:baar')
    const now = new Date()
    const credential = await issueJwtVc({
      issuer: 'did:tab:baar',
      subject: newKey().did,
      types: [TYPE],
      claims: { residentOf: 'Baar' },
      credentialSchema: { id: SCHEMA_ID, type: 'FullJsonSchemaValidator2021' },
      validFrom: now,
      sign: canton.sign,
      kid: 'did:tab:baar#key-1',
      alg: 'ES256',
      now,
    })
    await assert.rejects(
      verifyCredential({
        credential,
        now,
        resolveDid: createDidResolver({ registry: createRegistryResolver(ledger) }),
        isAccredited: createRegistryIsAccredited(ledger),
        schemas: createRegistrySchemas(ledger),
        fetchStatusList: () => Promise.reject(new Error('no status')),
      }),
      { code: 'ISSUER_NOT_ACCREDITED' },
    )
  })

  it('guards status lists: controllers with registry:issuer only, allocated indexes, the right purpose', () => {
    const { city, canton, run, code } = issuerNetwork()
    const at = (index: number) => ({ issuer: 'did:tab:zug', list: 'revocation-1', index })
    assert.equal(code(run(city, 'revoke', at(0))), 'NOT_FOUND')
    run(city, 'allocateStatus', { issuer: 'did:tab:zug', list: 'revocation-1' })
    assert.equal(code(run(canton, 'revoke', at(0))), 'UNAUTHORISED')
    assert.equal(code(run(city, 'suspend', at(0))), 'CONFLICT')
    assert.equal(code(run(city, 'revoke', at(0))), 'ok')
    assert.equal(code(run(city, 'revoke', at(0))), 'ALREADY_REVOKED')
    assert.equal(
      code(run(city, 'createStatusList', { issuer: 'did:tab:zug', list: 'suspension-1', purpose: 'suspension' })),
      'ok',
    )
    run(city, 'allocateStatus', { issuer: 'did:tab:zug', list: 'suspension-1' })
    const s = { issuer: 'did:tab:zug', list: 'suspension-1', index: 0 }
    assert.deepEqual([run(city, 'suspend', s), run(city, 'unsuspend', s), run(city, 'unsuspend', s)].map(code), [
      'ok',
      'ok',
      'CONFLICT',
    ])
  })
})
