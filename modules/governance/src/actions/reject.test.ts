import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { createTestNetwork } from '../testing/createTestNetwork.js'
import { codeOf, governanceOf, newDid, proposalOf } from '../testSupport.js'

function network(threshold = 2) {
  const { ledger, members } = createTestNetwork({ threshold })
  const [leuven, gent, brugge] = members.map((m) => m.did) as [string, string, string]
  return { ledger, leuven, gent, brugge, ...governanceOf(ledger) }
}

describe('governance.reject', () => {
  it('keeps a 2-of-3 proposal open after one rejection and closes it after two', () => {
    const { ledger, leuven, gent, brugge, propose, reject } = network()
    const id = proposalOf(propose(leuven, { kind: 'setThreshold', threshold: 3 }))
    const first = reject(gent, { id })
    assert.deepEqual(first.ok && first.events.map((e) => [e.type, e.data.status]), [['rejected', 'open']])
    const second = reject(brugge, { id })
    assert.deepEqual(second.ok && second.events.map((e) => [e.type, e.data.status]), [['rejected', 'rejected']])
    const stored = ledger.state('governance', `proposals/${id}`) as { status: string; rejections: string[] }
    assert.deepEqual([stored.status, stored.rejections], ['rejected', ['gent', 'brugge']])
    assert.equal((ledger.state('governance', 'config') as { governanceThreshold: number }).governanceThreshold, 2)
  })

  it('closes a unanimous proposal at the first rejection', () => {
    const { leuven, gent, brugge, propose, reject, approve } = network(3)
    const id = proposalOf(propose(leuven, { kind: 'setThreshold', threshold: 2 }))
    reject(gent, { id })
    assert.equal(codeOf(approve(brugge, { id })), 'PROPOSAL_CLOSED')
  })

  it('lets the proposer neither reject nor approve again', () => {
    const { leuven, propose, reject } = network()
    const id = proposalOf(propose(leuven, { kind: 'setThreshold', threshold: 3 }))
    assert.equal(codeOf(reject(leuven, { id })), 'ALREADY_APPROVED')
  })

  it('refuses ALREADY_REJECTED to a second rejection', () => {
    const { leuven, gent, propose, reject } = network(2)
    const id = proposalOf(propose(leuven, { kind: 'setThreshold', threshold: 3 }))
    assert.equal(codeOf(reject(gent, { id })), 'ok')
    assert.equal(codeOf(reject(gent, { id })), 'ALREADY_REJECTED')
  })

  it('refuses PROPOSAL_NOT_FOUND, and UNAUTHORISED to non-members', () => {
    const { leuven, propose, reject } = network()
    const id = proposalOf(propose(leuven, { kind: 'setThreshold', threshold: 3 }))
    assert.equal(codeOf(reject(leuven, { id: 'ffffffffffffffff' })), 'PROPOSAL_NOT_FOUND')
    assert.equal(codeOf(reject(newDid(), { id })), 'UNAUTHORISED')
  })
})
