import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { hashOf, newDid, notaryNetwork } from '../testSupport.js'

// Three days of stamps by Leuven, Gent and a clerk, one of them revoked.
function stamped() {
  const network = notaryNetwork()
  const { leuven, gent, grant, stamp, revoke } = network
  const clerk = newDid()
  grant(clerk)
  const at = (day: number, hour: number) => `2026-03-0${day}T${String(hour).padStart(2, '0')}:00:00.000Z`
  stamp(leuven, { hash: hashOf('a'), docType: 'permit' }, at(1, 9))
  stamp(gent, { hash: hashOf('b'), docType: 'minutes' }, at(1, 10))
  stamp(leuven, { hash: hashOf('c'), docType: 'permit', metadata: { ref: 'P-3' } }, at(2, 9))
  stamp(clerk, { hash: hashOf('d') }, at(2, 23))
  stamp(gent, { hash: hashOf('a'), docType: 'permit' }, at(3, 8))
  revoke(leuven, { hash: hashOf('c'), reason: 'withdrawn' }, at(3, 9))
  return { ...network, clerk }
}

describe('notary queries', () => {
  it('byHash: every stamp with its status; [] for an unknown hash', () => {
    const { query, leuven } = stamped()
    const a = query('byHash', { hash: hashOf('a') })
    assert.deepEqual(
      a.stamps.map((s: { organisation: string; status: string }) => [s.organisation, s.status]),
      [
        ['leuven', 'active'],
        ['gent', 'active'],
      ],
    )
    const c = query('byHash', { hash: hashOf('c') })
    assert.deepEqual(
      [c.stamps[0].status, c.stamps[0].revocation.reason, c.stamps[0].signer],
      ['revoked', 'withdrawn', leuven],
    )
    assert.deepEqual(query('byHash', { hash: hashOf('never') }), { hash: hashOf('never'), stamps: [] })
    assert.throws(() => query('byHash', { hash: 'abc' }), { code: 'INVALID_REQUEST' })
  })

  it('list: newest first, with filters', () => {
    const { query, leuven, clerk } = stamped()
    const hashes = (params: Record<string, unknown>) => query('list', params).items.map((i: { hash: string }) => i.hash)
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map(hashOf)
    assert.deepEqual(hashes({}), [a, d, c, b, a])
    assert.deepEqual(hashes({ organisation: 'leuven' }), [c, a])
    assert.deepEqual(hashes({ signer: leuven }), [c, a])
    assert.deepEqual(hashes({ signer: clerk }), [d])
    assert.deepEqual(hashes({ docType: 'permit' }), [a, c, a])
    assert.deepEqual(hashes({ status: 'revoked' }), [c])
    assert.deepEqual(hashes({ from: '2026-03-02T00:00:00Z', to: '2026-03-03T00:00:00Z' }), [d, c])
    assert.deepEqual(hashes({ from: '2026-03-02T10:00:00+01:00' }), [a, d, c])
    const item = query('list', { status: 'revoked' }).items[0]
    assert.deepEqual(
      [item.organisation, item.docType, item.metadata, item.status, item.revocation.reason, item.time],
      ['leuven', 'permit', { ref: 'P-3' }, 'revoked', 'withdrawn', '2026-03-02T09:00:00.000Z'],
    )
  })

  it('list: pages with a cursor and bounds the limit to 500', () => {
    const { query } = stamped()
    const first = query('list', { limit: '2' })
    const second = query('list', { limit: '2', cursor: first.nextCursor })
    const third = query('list', { limit: '2', cursor: second.nextCursor })
    assert.deepEqual([first.items.length, second.items.length, third.items.length, third.nextCursor], [2, 2, 1, null])
    const all = [...first.items, ...second.items, ...third.items].map((i: { txid: string }) => i.txid)
    assert.deepEqual(
      all,
      query('list', {}).items.map((i: { txid: string }) => i.txid),
    )
    assert.throws(() => query('list', { limit: '501' }), { code: 'INVALID_REQUEST' })
    assert.throws(() => query('list', { cursor: 'abc' }), { code: 'INVALID_REQUEST' })
    assert.throws(() => query('list', { from: 'yesterday' }), { code: 'INVALID_REQUEST' })
  })

  it('stats: totals, per day, per organisation and per document type', () => {
    const { query } = stamped()
    assert.deepEqual(query('stats', {}), {
      total: 5,
      active: 4,
      revoked: 1,
      byDay: [
        { day: '2026-03-01', count: 2, revoked: 0 },
        { day: '2026-03-02', count: 2, revoked: 1 },
        { day: '2026-03-03', count: 1, revoked: 0 },
      ],
      byOrganisation: [
        { organisation: 'gent', count: 2 },
        { organisation: 'leuven', count: 2 },
        { organisation: null, count: 1 },
      ],
      byDocType: [
        { docType: 'permit', count: 3 },
        { docType: null, count: 1 },
        { docType: 'minutes', count: 1 },
      ],
    })
    assert.deepEqual(query('stats', { organisation: 'gent' }).byDay, [
      { day: '2026-03-01', count: 1, revoked: 0 },
      { day: '2026-03-03', count: 1, revoked: 0 },
    ])
    assert.deepEqual(query('stats', { docType: 'none' }), {
      total: 0,
      active: 0,
      revoked: 0,
      byDay: [],
      byOrganisation: [],
      byDocType: [],
    })
  })
})
