import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { createTestNetwork } from '../testing/createTestNetwork.js'
import { codeOf, governanceOf, newMember, proposalOf } from '../testSupport.js'

function network(threshold = 2) {
  const { ledger, members } = createTestNetwork({ threshold })
  const [leuven, gent, brugge] = members.map((m) => m.did) as [string, string, string]
  return { ledger, leuven, gent, brugge, ...governanceOf(ledger) }
}

describe('governance.approve', () => {
  it('executes a 2-of-3 proposal on the second approval, in the same transaction', () => {
    const { ledger, leuven, gent, propose, approve } = network()
    const antwerpen = newMember('antwerpen')
    const id = proposalOf(propose(leuven, { kind: 'addMember', member: antwerpen }))
    assert.equal(ledger.state('governance', 'members/antwerpen'), undefined)
    const result = approve(gent, { id })
    assert.deepEqual(result.ok && result.events.map((e) => e.type), [
      'approved',
      'memberAdded',
      'roleGranted',
      'roleGranted',
      'executed',
    ])
    assert.deepEqual(ledger.state('governance', 'members/antwerpen'), {
      ...antwerpen,
      admittedAt: '2026-01-01T00:00:02.000Z',
    })
    assert.equal(ledger.state('governance', `memberDids/${antwerpen.did}`), 'antwerpen')
    assert.equal(ledger.state('governance', `roles/member/${antwerpen.did}`), true)
    assert.equal(ledger.state('governance', `roles/notary:stamper/${antwerpen.did}`), true)
    const stored = ledger.state('governance', `proposals/${id}`) as {
      status: string
      approvals: string[]
      closedAt: string
    }
    assert.deepEqual(
      [stored.status, stored.approvals, stored.closedAt],
      ['executed', ['leuven', 'gent'], '2026-01-01T00:00:02.000Z'],
    )
  })

  it('lets the new member vote at once, and counts it in N', () => {
    const { ledger, leuven, gent, propose, approve } = network()
    const antwerpen = newMember('antwerpen')
    approve(gent, { id: proposalOf(propose(leuven, { kind: 'addMember', member: antwerpen })) })
    const id = proposalOf(propose(antwerpen.did, { kind: 'setThreshold', threshold: 4 }))
    assert.equal((ledger.state('governance', `proposals/${id}`) as { status: string }).status, 'open')
    assert.equal(codeOf(approve(leuven, { id })), 'ok')
    assert.equal((ledger.state('governance', 'config') as { governanceThreshold: number }).governanceThreshold, 4)
  })

  it('refuses ALREADY_APPROVED to a second approval by the same member', () => {
    const { leuven, propose, approve } = network()
    const id = proposalOf(propose(leuven, { kind: 'setThreshold', threshold: 3 }))
    const result = approve(leuven, { id })
    assert.deepEqual(!result.ok && [result.code, result.message], ['ALREADY_APPROVED', `leuven already approved ${id}`])
  })

  it('refuses ALREADY_REJECTED to an approval after a rejection', () => {
    const { leuven, gent, propose, approve, reject } = network(2)
    const id = proposalOf(propose(leuven, { kind: 'setThreshold', threshold: 3 }))
    assert.equal(codeOf(reject(gent, { id })), 'ok')
    assert.equal(codeOf(approve(gent, { id })), 'ALREADY_REJECTED')
  })

  it('refuses PROPOSAL_NOT_FOUND for an unknown id and INVALID_ARGS for a malformed one', () => {
    const { gent, approve } = network()
    assert.equal(codeOf(approve(gent, { id: '0123456789abcdef' })), 'PROPOSAL_NOT_FOUND')
    assert.equal(codeOf(approve(gent, { id: 'nope' })), 'INVALID_ARGS')
  })

  it('refuses PROPOSAL_CLOSED once executed', () => {
    const { leuven, gent, brugge, propose, approve } = network()
    const id = proposalOf(propose(leuven, { kind: 'setThreshold', threshold: 3 }))
    approve(gent, { id })
    const result = approve(brugge, { id })
    assert.deepEqual(!result.ok && [result.code, result.details], ['PROPOSAL_CLOSED', { id, status: 'executed' }])
  })

  it('refuses PROPOSAL_CLOSED after the expiry time, and writes nothing', () => {
    const { ledger, leuven, gent, propose, approve } = network()
    const id = proposalOf(
      propose(leuven, { kind: 'setThreshold', threshold: 3, expiresAt: '2026-01-02T00:00:00+01:00' }),
    )
    const stored = ledger.state('governance', `proposals/${id}`) as { expiresAt: string }
    assert.equal(stored.expiresAt, '2026-01-01T23:00:00.000Z')
    const late = ledger.run({
      module: 'governance',
      action: 'approve',
      signer: gent,
      args: { id },
      time: '2026-01-01T23:00:00.000Z',
    })
    assert.deepEqual(!late.ok && late.details, { id, status: 'expired' })
    assert.deepEqual(ledger.state('governance', `proposals/${id}`), stored)
    assert.equal(codeOf(approve(leuven, { id })), 'PROPOSAL_CLOSED')
  })

  it('refuses the final approval when the change has become impossible, leaving the proposal open', () => {
    const { ledger, leuven, gent, brugge, propose, approve } = network()
    const first = proposalOf(propose(leuven, { kind: 'addMember', member: newMember('antwerpen') }))
    const second = proposalOf(propose(brugge, { kind: 'addMember', member: newMember('antwerpen') }))
    approve(gent, { id: first })
    const result = approve(gent, { id: second })
    assert.deepEqual(!result.ok && [result.code, result.message], [
      'ALREADY_EXISTS',
      'member id antwerpen is or was taken',
    ])
    assert.equal((ledger.state('governance', `proposals/${second}`) as { status: string }).status, 'open')
  })

  it('counts only the approvals of current members', () => {
    const { ledger, leuven, gent, brugge, propose, approve } = network(2)
    const pending = proposalOf(propose(gent, { kind: 'setThreshold', threshold: 1 }))
    approve(brugge, { id: proposalOf(propose(leuven, { kind: 'removeMember', id: 'gent' })) })
    // Gent's approval no longer counts: with Leuven's it makes 1 of the 2 needed.
    const result = approve(leuven, { id: pending })
    assert.equal(result.ok && result.events[0]?.data.approvals, 1)
    assert.equal((ledger.state('governance', `proposals/${pending}`) as { status: string }).status, 'open')
    assert.equal(codeOf(approve(brugge, { id: pending })), 'ok')
    assert.equal((ledger.state('governance', 'config') as { governanceThreshold: number }).governanceThreshold, 1)
  })

  it('refuses UNAUTHORISED to a removed member', () => {
    const { leuven, gent, brugge, propose, approve } = network()
    const pending = proposalOf(propose(leuven, { kind: 'setThreshold', threshold: 1 }))
    approve(brugge, { id: proposalOf(propose(leuven, { kind: 'removeMember', id: 'gent' })) })
    assert.equal(codeOf(approve(gent, { id: pending })), 'UNAUTHORISED')
  })
})
