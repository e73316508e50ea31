import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { createTestNetwork } from './testing/createTestNetwork.js'
import { newDid } from './testSupport.js'

describe('seedGenesis', () => {
  it('seeds members, their DIDs, member roles and the config', () => {
    const { ledger, members, genesis } = createTestNetwork()
    const [leuven] = members
    assert.ok(leuven)
    assert.deepEqual(ledger.state('governance', 'members/leuven'), {
      id: 'leuven',
      name: 'Leuven',
      did: leuven.did,
      logKey: genesis.members[0]?.logKey,
      witnessKey: genesis.members[0]?.witnessKey,
      admittedAt: genesis.createdAt,
    })
    assert.equal(ledger.state('governance', `memberDids/${leuven.did}`), 'leuven')
    assert.equal(ledger.state('governance', `roles/member/${leuven.did}`), true)
    assert.equal(ledger.state('governance', `roles/notary:stamper/${leuven.did}`), true)
    assert.equal(ledger.state('governance', `didRoles/${leuven.did}/notary:stamper`), true)
    assert.deepEqual(ledger.state('governance', 'config'), {
      governanceThreshold: 2,
      witnessQuorum: 2,
      memberRoles: ['notary:stamper'],
    })
  })

  it('grants the genesis roles to their DIDs', () => {
    const clerk = newDid()
    const { ledger } = createTestNetwork({ genesis: { roles: { 'notary:stamper': [clerk] } } })
    assert.equal(ledger.state('governance', `roles/notary:stamper/${clerk}`), true)
    assert.equal(ledger.state('governance', `memberDids/${clerk}`), undefined)
  })

  it('projects founding members and role grants', () => {
    const { ledger } = createTestNetwork()
    const rows = ledger.db.prepare('SELECT id, status FROM governance_members ORDER BY id').all()
    assert.deepEqual(rows, [
      { id: 'brugge', status: 'active' },
      { id: 'gent', status: 'active' },
      { id: 'leuven', status: 'active' },
    ])
    assert.deepEqual(ledger.db.prepare('SELECT COUNT(*) AS n FROM governance_roles').get(), { n: 6 })
  })

  const refusals: [string, Parameters<typeof createTestNetwork>[0]][] = [
    ['a threshold above the member count', { threshold: 4 }],
    ['a witness quorum above the member count', { genesis: { witnessQuorum: 4 } }],
    ['a bad role name', { genesis: { memberRoles: ['stamper'] } }],
    ['role `member` granted outside membership', { genesis: { roles: { member: [newDid()] } } }],
    ['a DID with a path', { genesis: { roles: { 'notary:stamper': ['did:web:example.org/x'] } } }],
  ]
  for (const [what, options] of refusals) {
    it(`refuses INVALID_GENESIS for ${what}`, () => {
      assert.throws(() => createTestNetwork(options), { code: 'INVALID_GENESIS' })
    })
  }

  it('refuses INVALID_GENESIS for two members with one DID', () => {
    const { genesis } = createTestNetwork()
    const [first, second, third] = genesis.members
    assert.ok(first && second && third)
    assert.throws(() => createTestNetwork({ genesis: { members: [first, { ...second, did: first.did }, third] } }), {
      code: 'INVALID_GENESIS',
      message: 'genesis: duplicate ' + first.did,
    })
  })
})
