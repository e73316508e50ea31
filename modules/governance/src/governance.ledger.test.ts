import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { didKeyFromJwk } from '@tabularium/core'
import { generateKeyPair } from '@tabularium/core/node'
import { createSandboxNetwork, type SandboxMember } from './sandbox.js'
import { openSandboxLedger, type SandboxLedger } from './testing/openSandboxLedger.js'

// Through createLedger: signed transactions, admission, a SQLite file,
// projections and queries, as a node runs them.
describe('governance on createLedger (2-of-3 sandbox)', () => {
  let t: SandboxLedger
  before(async () => {
    t = await openSandboxLedger({ organisations: ['Leuven', 'Gent', 'Brugge'] })
  })
  after(() => t.close())

  const member = (i: number) => t.members[i] as SandboxMember
  const query = (name: string, params: Record<string, unknown> = {}) =>
    t.ledger.query('governance', name, params) as any

  it('seeds the founders, their roles and the threshold from genesis', () => {
    assert.deepEqual(
      query('members').members.map((m: { id: string }) => m.id),
      ['brugge', 'gent', 'leuven'],
    )
    assert.equal(query('members').governanceThreshold, 2)
    assert.equal(t.ledger.state('governance', `roles/member/${member(1).did}`), true)
    assert.deepEqual(
      query('roles', { did: member(1).did }).grants.map((g: { role: string }) => g.role),
      ['member', 'notary:stamper'],
    )
  })

  it("refuses a non-member's proposal UNAUTHORISED", async () => {
    const { privateJwk, publicJwk } = generateKeyPair()
    const outsider = { did: didKeyFromJwk(publicJwk), privateJwk }
    const { code } = await t.send(outsider, 'governance', 'propose', { kind: 'setThreshold', threshold: 1 })
    assert.equal(code, 'UNAUTHORISED')
  })

  it('admits a fourth member only after two approvals', async () => {
    const antwerpen = createSandboxNetwork({ organisations: ['Antwerpen'], now: Date.now() })
    const candidate = antwerpen.genesis.members[0]
    assert.ok(candidate)
    const proposed = await t.send(member(0), 'governance', 'propose', {
      kind: 'addMember',
      member: candidate,
      reason: 'joins the pilot',
    })
    assert.equal(proposed.code, 'ok')
    const id = proposed.result.ok ? proposed.result.txid.slice(0, 16) : ''
    assert.equal(t.ledger.state('governance', 'members/antwerpen'), undefined)
    assert.equal(query('proposal', { id }).status, 'open')
    assert.equal(query('hasRole', { did: candidate.did, role: 'member' }).hasRole, false)

    assert.equal((await t.send(member(0), 'governance', 'approve', { id })).code, 'ALREADY_APPROVED')
    assert.equal((await t.send(member(1), 'governance', 'approve', { id })).code, 'ok')
    assert.equal((await t.send(member(2), 'governance', 'approve', { id })).code, 'PROPOSAL_CLOSED')

    assert.equal(query('member', { id: 'antwerpen' }).did, candidate.did)
    assert.equal(query('hasRole', { did: candidate.did, role: 'notary:stamper' }).hasRole, true)
    const [listed] = query('proposals', { status: 'executed' }).items
    assert.deepEqual([listed.id, listed.kind, listed.approvals, listed.threshold], [id, 'addMember', 2, 2])
    assert.equal(query('members').members.length, 4)

    // The new member governs at once: its proposal and one approval pass.
    const newcomer = antwerpen.members[0] as SandboxMember
    const next = await t.send(newcomer, 'governance', 'propose', { kind: 'setThreshold', threshold: 3 })
    assert.equal(next.code, 'ok')
    const nextId = next.result.ok ? next.result.txid.slice(0, 16) : ''
    assert.equal((await t.send(member(2), 'governance', 'reject', { id: nextId })).code, 'ok')
    assert.equal(query('proposal', { id: nextId }).rejections.length, 1)
  })

  it('logs an impossible proposal as rejected with its code, and writes nothing', async () => {
    const { code, result } = await t.send(member(0), 'governance', 'propose', { kind: 'removeMember', id: 'nobody' })
    assert.equal(code, 'NOT_FOUND')
    assert.ok(result.ok)
    const entry = t.ledger.entry(result.index)
    assert.deepEqual(entry?.entry.outcome, { status: 'rejected', code: 'NOT_FOUND', message: 'no member nobody' })
    assert.equal(t.ledger.state('governance', `proposals/${result.txid.slice(0, 16)}`), undefined)
  })

  it('removes a founder, whose later proposals are refused', async () => {
    const proposed = await t.send(member(0), 'governance', 'propose', { kind: 'removeMember', id: 'brugge' })
    const id = proposed.result.ok ? proposed.result.txid.slice(0, 16) : ''
    assert.equal((await t.send(member(1), 'governance', 'approve', { id })).code, 'ok')
    assert.equal(query('members').members.length, 3)
    const { code } = await t.send(member(2), 'governance', 'propose', { kind: 'setThreshold', threshold: 1 })
    // UNAUTHORISED once the ledger reads founders' roles from governance state
    // only; today its role checker still grants genesis memberRoles to every
    // founder, so the module's own membership check refuses it.
    assert.ok(['UNAUTHORISED', 'NOT_A_MEMBER'].includes(code), code)
  })
})
