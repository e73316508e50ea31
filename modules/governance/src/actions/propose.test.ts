import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { createTestNetwork } from '../testing/createTestNetwork.js'
import { codeOf, governanceOf, newDid, newMember, proposalOf } from '../testSupport.js'

describe('governance.propose', () => {
  it('opens a proposal whose id is the txid prefix, with the proposer approving', () => {
    const { ledger, members } = createTestNetwork({ threshold: 2 })
    const leuven = members[0]?.did as string
    const result = governanceOf(ledger).propose(leuven, { kind: 'setThreshold', threshold: 3, reason: 'unanimity' })
    const id = proposalOf(result)
    assert.deepEqual(ledger.state('governance', `proposals/${id}`), {
      id,
      txid: result.ok ? result.txid : '',
      index: 0,
      createdAt: '2026-01-01T00:00:01.000Z',
      proposer: 'leuven',
      proposerDid: leuven,
      change: { kind: 'setThreshold', threshold: 3 },
      reason: 'unanimity',
      expiresAt: null,
      status: 'open',
      approvals: ['leuven'],
      rejections: [],
      closedAt: null,
    })
    assert.deepEqual(result.ok && result.events.map((e) => e.type), ['proposed', 'approved'])
  })

  it('executes at once when the threshold is 1', () => {
    const { ledger, members } = createTestNetwork({ threshold: 1 })
    const clerk = newDid()
    const result = governanceOf(ledger).propose(members[0]?.did as string, {
      kind: 'grantRole',
      role: 'notary:stamper',
      did: clerk,
    })
    assert.deepEqual(result.ok && result.events.map((e) => e.type), ['proposed', 'approved', 'roleGranted', 'executed'])
    assert.equal(ledger.state('governance', `roles/notary:stamper/${clerk}`), true)
    assert.equal(
      (ledger.state('governance', `proposals/${proposalOf(result)}`) as { status: string }).status,
      'executed',
    )
  })

  it('refuses UNAUTHORISED to a DID that is not a member', () => {
    const { ledger } = createTestNetwork()
    const result = governanceOf(ledger).propose(newDid(), { kind: 'setThreshold', threshold: 1 })
    assert.equal(codeOf(result), 'UNAUTHORISED')
  })

  it('refuses NOT_A_MEMBER to a DID that holds role member without being one', () => {
    const { ledger } = createTestNetwork()
    const impostor = newDid()
    ledger.write('governance', `roles/member/${impostor}`, true)
    assert.equal(codeOf(governanceOf(ledger).propose(impostor, { kind: 'setThreshold', threshold: 1 })), 'NOT_A_MEMBER')
  })

  it('refuses INVALID_ARGS for malformed changes, listing the bad fields', () => {
    const { ledger, members } = createTestNetwork()
    const { propose } = governanceOf(ledger)
    const signer = members[0]?.did as string
    const cases: unknown[] = [
      { kind: 'dissolve' },
      { kind: 'setThreshold', threshold: 0 },
      { kind: 'setThreshold', threshold: 2, extra: true },
      { kind: 'grantRole', role: 'stamper', did: newDid() },
      { kind: 'grantRole', role: 'notary:stamper', did: 'did:web:example.org/clerk' },
      { kind: 'addMember', member: { ...newMember('x'), id: 'Not An Id' } },
      { kind: 'removeMember', id: 'gent', expiresAt: 'tomorrow' },
      { kind: 'removeMember', id: 'gent', reason: '' },
    ]
    for (const args of cases) assert.equal(codeOf(propose(signer, args)), 'INVALID_ARGS', JSON.stringify(args))
    const result = propose(signer, { kind: 'grantRole', role: 'stamper', did: 'did:x' })
    assert.deepEqual(!result.ok && result.details?.issues, [
      { path: 'role', message: 'expected `member` or `<module>:<role>`' },
      { path: 'did', message: 'expected a DID (did:<method>:<id>)' },
    ])
  })

  it('refuses INVALID_ARGS for an expiry that is not in the future', () => {
    const { ledger, members } = createTestNetwork()
    const result = governanceOf(ledger).propose(members[0]?.did as string, {
      kind: 'setThreshold',
      threshold: 1,
      expiresAt: '2026-01-01T00:00:00Z',
    })
    assert.deepEqual(!result.ok && [result.code, result.message], [
      'INVALID_ARGS',
      'expiresAt must be after the time of the transaction',
    ])
  })

  it('checks the change against the state when proposed', () => {
    const { ledger, members, genesis } = createTestNetwork()
    const { propose } = governanceOf(ledger)
    const signer = members[0]?.did as string
    const gent = members[1]?.did as string
    const expect = (args: unknown, code: string) =>
      assert.equal(codeOf(propose(signer, args)), code, JSON.stringify(args))
    expect({ kind: 'addMember', member: newMember('gent') }, 'ALREADY_EXISTS')
    expect({ kind: 'addMember', member: newMember('antwerpen', gent) }, 'ALREADY_EXISTS')
    expect({ kind: 'removeMember', id: 'antwerpen' }, 'NOT_FOUND')
    expect({ kind: 'grantRole', role: 'member', did: newDid() }, 'INVALID_ARGS')
    expect({ kind: 'revokeRole', role: 'member', did: gent }, 'INVALID_ARGS')
    expect({ kind: 'grantRole', role: 'notary:stamper', did: gent }, 'ALREADY_EXISTS')
    expect({ kind: 'revokeRole', role: 'notary:stamper', did: newDid() }, 'NOT_FOUND')
    expect({ kind: 'setThreshold', threshold: genesis.members.length + 1 }, 'INVALID_ARGS')
  })

  it('refuses CONFLICT to remove the last member', () => {
    const { ledger, members } = createTestNetwork({ organisations: ['Solo'] })
    const result = governanceOf(ledger).propose(members[0]?.did as string, { kind: 'removeMember', id: 'solo' })
    assert.deepEqual(!result.ok && [result.code, result.message], ['CONFLICT', 'the last member cannot be removed'])
  })

  it('refuses LIMIT_EXCEEDED to add a member beyond 100', () => {
    const names = Array.from({ length: 100 }, (_, i) => `Org ${i}`)
    const { ledger, members } = createTestNetwork({ organisations: names, threshold: 1 })
    const result = governanceOf(ledger).propose(members[0]?.did as string, {
      kind: 'addMember',
      member: newMember('extra'),
    })
    assert.equal(codeOf(result), 'LIMIT_EXCEEDED')
  })
})
