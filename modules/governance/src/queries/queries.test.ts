import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { createTestNetwork } from '../testing/createTestNetwork.js'
import { governanceOf, newDid, newMember, proposalOf } from '../testSupport.js'

function network() {
  const { ledger, members } = createTestNetwork({ threshold: 2 })
  const [leuven, gent, brugge] = members.map((m) => m.did) as [string, string, string]
  const q = (name: string, params: Record<string, unknown> = {}) => ledger.query('governance', name, params) as any
  return { ledger, leuven, gent, brugge, q, ...governanceOf(ledger) }
}

describe('governance queries', () => {
  it('members: the current members and the parameters', () => {
    const { q, leuven } = network()
    const result = q('members')
    assert.deepEqual(
      result.members.map((m: { id: string }) => m.id),
      ['brugge', 'gent', 'leuven'],
    )
    assert.equal(result.members[2].did, leuven)
    assert.deepEqual([result.governanceThreshold, result.witnessQuorum], [2, 2])
  })

  it('member: one member with its roles, NOT_FOUND otherwise', () => {
    const { q } = network()
    assert.deepEqual(q('member', { id: 'gent' }).roles, ['member', 'notary:stamper'])
    assert.throws(() => q('member', { id: 'antwerpen' }), { code: 'NOT_FOUND', message: 'no member antwerpen' })
  })

  it('proposal: votes and derived status, PROPOSAL_NOT_FOUND otherwise', () => {
    const { q, leuven, gent, propose, reject } = network()
    const id = proposalOf(propose(leuven, { kind: 'setThreshold', threshold: 3, expiresAt: '2026-02-01T00:00:00Z' }))
    reject(gent, { id })
    const found = q('proposal', { id, at: '2026-01-15T00:00:00Z' })
    assert.deepEqual([found.status, found.approvals, found.rejections], ['open', ['leuven'], ['gent']])
    assert.equal(q('proposal', { id, at: '2026-02-01T00:00:00Z' }).status, 'expired')
    assert.throws(() => q('proposal', { id: 'ffffffffffffffff' }), { code: 'PROPOSAL_NOT_FOUND' })
  })

  it('proposals: newest first, by status, paged', () => {
    const { q, leuven, gent, brugge, propose, approve, reject } = network()
    const executed = proposalOf(propose(leuven, { kind: 'grantRole', role: 'registry:clerk', did: newDid() }))
    approve(gent, { id: executed })
    const rejected = proposalOf(propose(leuven, { kind: 'setThreshold', threshold: 3 }))
    reject(gent, { id: rejected })
    reject(brugge, { id: rejected })
    const expiring = proposalOf(
      propose(gent, { kind: 'setThreshold', threshold: 1, expiresAt: '2026-01-01T01:00:00Z' }),
    )
    const open = proposalOf(propose(brugge, { kind: 'addMember', member: newMember('antwerpen') }))
    const at = '2026-01-01T02:00:00Z'
    const ids = (params: Record<string, unknown>) =>
      q('proposals', { at, ...params }).items.map((p: { id: string }) => p.id)
    assert.deepEqual(ids({}), [open, expiring, rejected, executed])
    assert.deepEqual(ids({ status: 'open' }), [open])
    assert.deepEqual(ids({ status: 'expired' }), [expiring])
    assert.deepEqual(ids({ status: 'executed' }), [executed])
    assert.deepEqual(ids({ status: 'rejected' }), [rejected])
    const first = q('proposals', { at, limit: '3' })
    assert.equal(first.items.length, 3)
    assert.deepEqual(
      q('proposals', { at, limit: '3', cursor: first.nextCursor }).items.map((p: { id: string }) => p.id),
      [executed],
    )
    assert.equal(q('proposals', { at, limit: '4' }).nextCursor, null)
    const item = q('proposals', { at, status: 'rejected' }).items[0]
    assert.deepEqual(
      [item.kind, item.change, item.proposer, item.approvals, item.rejections, item.threshold, item.status],
      ['setThreshold', { kind: 'setThreshold', threshold: 3 }, 'leuven', 1, 2, 2, 'rejected'],
    )
    assert.throws(() => q('proposals', { limit: '101' }), { code: 'INVALID_REQUEST' })
  })

  it('roles: by DID or by role, paged; exactly one of them', () => {
    const { q, leuven, gent, brugge } = network()
    assert.deepEqual(
      q('roles', { did: gent }).grants.map((g: { role: string }) => g.role),
      ['member', 'notary:stamper'],
    )
    const byRole = q('roles', { role: 'member', limit: '2' })
    assert.equal(byRole.grants.length, 2)
    const rest = q('roles', { role: 'member', cursor: byRole.nextCursor })
    assert.deepEqual(
      [...byRole.grants, ...rest.grants].map((g: { did: string }) => g.did),
      [leuven, gent, brugge].sort(),
    )
    assert.equal(rest.nextCursor, null)
    assert.throws(() => q('roles', {}), { code: 'INVALID_REQUEST' })
    assert.throws(() => q('roles', { did: gent, role: 'member' }), { code: 'INVALID_REQUEST' })
  })

  it('hasRole: from the key the ledger authorises with', () => {
    const { q, gent } = network()
    assert.deepEqual(q('hasRole', { did: gent, role: 'notary:stamper' }), {
      did: gent,
      role: 'notary:stamper',
      hasRole: true,
    })
    assert.equal(q('hasRole', { did: newDid(), role: 'member' }).hasRole, false)
    assert.throws(() => q('hasRole', { did: gent, role: 'stamper' }), { code: 'INVALID_REQUEST' })
  })
})
