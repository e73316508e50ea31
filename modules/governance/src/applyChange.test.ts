import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { createTestNetwork } from './testing/createTestNetwork.js'
import { codeOf, governanceOf, newDid, newMember, proposalOf } from './testSupport.js'

function network(threshold: number) {
  const { ledger, members } = createTestNetwork({ threshold })
  const [leuven, gent, brugge] = members.map((m) => m.did) as [string, string, string]
  const gov = governanceOf(ledger)
  // Proposes and, when needed, collects approvals until it executes.
  const pass = (args: unknown) => {
    const id = proposalOf(gov.propose(leuven, args))
    for (const did of [gent, brugge].slice(0, threshold - 1)) assert.equal(codeOf(gov.approve(did, { id })), 'ok')
    return id
  }
  return { ledger, leuven, gent, brugge, pass, ...gov }
}

describe('applyChange', () => {
  it('removes a member with every role of its DID, keeps it as a former member and frees nothing else', () => {
    const { ledger, leuven, gent, pass, propose } = network(2)
    const id = pass({ kind: 'removeMember', id: 'gent' })
    assert.equal(ledger.state('governance', 'members/gent'), undefined)
    assert.equal(ledger.state('governance', `memberDids/${gent}`), undefined)
    assert.equal(ledger.state('governance', `roles/member/${gent}`), undefined)
    assert.equal(ledger.state('governance', `roles/notary:stamper/${gent}`), undefined)
    assert.equal(ledger.state('governance', `didRoles/${gent}/member`), undefined)
    assert.equal(
      (ledger.state('governance', 'formerMembers/gent') as { removedAt: string }).removedAt,
      '2026-01-01T00:00:02.000Z',
    )
    assert.deepEqual(ledger.db.prepare("SELECT status FROM governance_members WHERE id = 'gent'").get(), {
      status: 'removed',
    })
    assert.deepEqual(ledger.db.prepare('SELECT status FROM governance_proposals WHERE id = ?').get(id), {
      status: 'executed',
    })
    // The id stays Gent's in every record that names it, so it is never given again.
    assert.equal(codeOf(propose(leuven, { kind: 'addMember', member: newMember('gent') })), 'ALREADY_EXISTS')
  })

  it('lowers a threshold and quorum above the new member count (3-of-3 becomes 2-of-2)', () => {
    const { ledger, pass } = network(3)
    pass({ kind: 'removeMember', id: 'brugge' })
    assert.deepEqual(ledger.state('governance', 'config'), {
      governanceThreshold: 2,
      witnessQuorum: 2,
      memberRoles: ['notary:stamper'],
    })
  })

  it('keeps a threshold that is still possible', () => {
    const { ledger, pass } = network(2)
    pass({ kind: 'removeMember', id: 'brugge' })
    assert.deepEqual(ledger.state('governance', 'config'), {
      governanceThreshold: 2,
      witnessQuorum: 2,
      memberRoles: ['notary:stamper'],
    })
  })

  it('grants and revokes a role, in state and in the projection', () => {
    const { ledger, pass } = network(2)
    const clerk = newDid()
    const grant = pass({ kind: 'grantRole', role: 'registry:clerk', did: clerk })
    assert.equal(ledger.state('governance', `roles/registry:clerk/${clerk}`), true)
    assert.deepEqual(ledger.db.prepare('SELECT role, proposal FROM governance_roles WHERE did = ?').all(clerk), [
      { role: 'registry:clerk', proposal: grant },
    ])
    pass({ kind: 'revokeRole', role: 'registry:clerk', did: clerk })
    assert.equal(ledger.state('governance', `roles/registry:clerk/${clerk}`), undefined)
    assert.equal(ledger.state('governance', `didRoles/${clerk}/registry:clerk`), undefined)
    assert.deepEqual(ledger.db.prepare('SELECT role FROM governance_roles WHERE did = ?').all(clerk), [])
  })

  it('sets the threshold, and reports the parameters in `executed`', () => {
    const { ledger, leuven, gent, propose, approve } = network(2)
    const id = proposalOf(propose(leuven, { kind: 'setThreshold', threshold: 3 }))
    const result = approve(gent, { id })
    assert.deepEqual(result.ok && result.events.at(-1)?.data, {
      id,
      change: { kind: 'setThreshold', threshold: 3 },
      governanceThreshold: 3,
      witnessQuorum: 2,
    })
    assert.equal((ledger.state('governance', 'config') as { governanceThreshold: number }).governanceThreshold, 3)
  })
})
