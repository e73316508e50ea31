import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { didKeyFromJwk } from '@tabularium/core'
import { generateKeyPair } from '@tabularium/core/node'
import type { SandboxMember } from '@tabularium/module-governance'
import { openSandboxLedger, type SandboxLedger } from '@tabularium/module-governance/testing'
import { notary } from './notary.js'
import { hashOf } from './testSupport.js'

// Through createLedger: signed transactions, a SQLite file, governance
// roles, the notary_stamps projection and the queries a node serves.
describe('notary on createLedger (2-of-3 sandbox)', () => {
  let t: SandboxLedger
  const { privateJwk, publicJwk } = generateKeyPair()
  const clerk = { did: didKeyFromJwk(publicJwk), privateJwk }
  before(async () => {
    t = await openSandboxLedger({ organisations: ['Leuven', 'Gent', 'Brugge'], modules: [notary] })
  })
  after(() => t.close())

  const member = (i: number) => t.members[i] as SandboxMember
  const query = (name: string, params: Record<string, unknown> = {}) => t.ledger.query('notary', name, params) as any

  it("lets a clerk's did:key stamp once governance grants it notary:stamper", async () => {
    assert.equal((await t.send(clerk, 'notary', 'stamp', { hash: hashOf('extract 1') })).code, 'UNAUTHORISED')
    const proposed = await t.send(member(0), 'governance', 'propose', {
      kind: 'grantRole',
      role: 'notary:stamper',
      did: clerk.did,
    })
    const id = proposed.result.ok ? proposed.result.txid.slice(0, 16) : ''
    assert.equal((await t.send(clerk, 'notary', 'stamp', { hash: hashOf('extract 1') })).code, 'UNAUTHORISED')
    assert.equal((await t.send(member(1), 'governance', 'approve', { id })).code, 'ok')
    const stamped = await t.send(clerk, 'notary', 'stamp', { hash: hashOf('extract 1'), docType: 'extract' })
    assert.equal(stamped.code, 'ok')
    const [stamp] = query('byHash', { hash: hashOf('extract 1') }).stamps
    assert.deepEqual([stamp.signer, stamp.organisation, stamp.status], [clerk.did, null, 'active'])
  })

  it('refuses a revoke by another organisation, and accepts the owner’s', async () => {
    const hash = hashOf('permit P-2026-17')
    const stamped = await t.send(member(0), 'notary', 'stamp', {
      hash,
      docType: 'permit',
      metadata: { ref: 'P-2026-17' },
    })
    assert.equal(stamped.code, 'ok')
    const txid = stamped.result.ok ? stamped.result.txid : ''
    assert.equal(
      (await t.send(member(1), 'notary', 'revoke', { hash, stamp: txid, reason: 'not ours' })).code,
      'NOT_OWNER',
    )
    assert.equal(query('byHash', { hash }).stamps[0].status, 'active')
    assert.equal((await t.send(member(0), 'notary', 'revoke', { hash, reason: 'withdrawn' })).code, 'ok')
    const [revoked] = query('byHash', { hash }).stamps
    assert.deepEqual(
      [revoked.status, revoked.revocation.reason, revoked.revocation.signer],
      ['revoked', 'withdrawn', member(0).did],
    )
  })

  it('lists, looks up and counts what was stamped', async () => {
    assert.equal(
      (await t.send(member(1), 'notary', 'stamp', { hash: hashOf('minutes'), docType: 'minutes' })).code,
      'ok',
    )
    assert.equal(
      (await t.send(member(2), 'notary', 'stamp', { hash: hashOf('minutes'), docType: 'minutes' })).code,
      'ok',
    )
    const all = query('list')
    assert.deepEqual(
      all.items.map((i: { docType: string }) => i.docType),
      ['minutes', 'minutes', 'permit', 'extract'],
    )
    assert.equal(all.nextCursor, null)
    assert.deepEqual(
      query('list', { organisation: 'gent' }).items.map((i: { hash: string }) => i.hash),
      [hashOf('minutes')],
    )
    assert.deepEqual(
      query('list', { status: 'revoked' }).items.map((i: { organisation: string }) => i.organisation),
      ['leuven'],
    )
    const page = query('list', { limit: '3' })
    assert.equal(query('list', { limit: '3', cursor: page.nextCursor }).items[0].docType, 'extract')
    assert.deepEqual(
      query('byHash', { hash: hashOf('minutes') }).stamps.map((s: { organisation: string }) => s.organisation),
      ['gent', 'brugge'],
    )
    const stats = query('stats')
    assert.deepEqual([stats.total, stats.active, stats.revoked], [4, 3, 1])
    assert.equal(stats.byDay.length, 1)
    assert.deepEqual(stats.byDocType[0], { docType: 'minutes', count: 2 })
    assert.deepEqual(
      stats.byOrganisation.map((o: { organisation: string | null }) => o.organisation).sort(),
      ['brugge', 'gent', 'leuven', null].sort(),
    )
  })

  it('refuses malformed arguments at admission with INVALID_ARGS', async () => {
    assert.equal((await t.send(member(0), 'notary', 'stamp', { hash: 'ABC' })).code, 'INVALID_ARGS')
  })

  it('stops a removed founder from stamping', async () => {
    const proposed = await t.send(member(0), 'governance', 'propose', { kind: 'removeMember', id: 'brugge' })
    const id = proposed.result.ok ? proposed.result.txid.slice(0, 16) : ''
    assert.equal((await t.send(member(1), 'governance', 'approve', { id })).code, 'ok')
    assert.equal((await t.send(member(2), 'notary', 'stamp', { hash: hashOf('after removal') })).code, 'UNAUTHORISED')
  })
})
