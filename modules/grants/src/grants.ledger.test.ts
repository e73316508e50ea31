import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { canonicalize, signingInput, toBase64Url, utf8 } from '@tabularium/core'
import { signBytes } from '@tabularium/core/node'
import { createBlobStore } from './blobs.js'
import { readApplicationContent, verifyReadRequest } from './readContent.js'
import { newSigner, openTestLedger } from './testSupport.js'

const content = (text: string) => utf8(JSON.stringify({ text, nonce: Math.random().toString(36) }))

// Two funders (Groningen, Zuidhorn) on one network; one organisation applies
// to both for the same project and costs.
describe('grants on a real ledger', () => {
  let t: Awaited<ReturnType<typeof openTestLedger>>
  const blobs = createBlobStore()
  const applicant = newSigner()
  const [ev1, ev2, stranger] = [newSigner(), newSigner(), newSigner()]
  let groningen: { did: string; privateJwk: any }
  let zuidhorn: { did: string; privateJwk: any }
  const sealed = content('Green roofs for 40 schools: plan, budget, team')
  const read = (call: string, application: string, reader: string) =>
    readApplicationContent({ state: (key) => t.ledger.state('grants', key), blobs, call, application, reader })
  const call = (id: string, deadline: string) => ({
    id,
    title: `Climate call ${id}`,
    budget: 500_000_00,
    opensAt: '2026-03-01T00:00:00Z',
    deadline,
    criteria: [
      { id: 'impact', name: 'Impact', weight: 2, max: 10 },
      { id: 'cost', name: 'Value for money', weight: 1, max: 10 },
    ],
    evaluators: [ev1.did, ev2.did],
  })
  const application = (callId: string, id: string, commitment: string) => ({
    call: callId,
    id,
    organisation: 'BE0123456789',
    project: 'Green Roofs 2026',
    title: 'Green roofs',
    requested: 100_000_00,
    costPeriod: { from: '2026-06-01', to: '2027-05-31' },
    commitment,
    legalEntity: { credential: 'cd'.repeat(32), issuer: 'did:tab:registrar' },
  })

  before(async () => {
    t = await openTestLedger()
    groningen = t.members[0]!
    zuidhorn = t.members[1]!
  })
  after(() => t.close())

  it('keeps content sealed before the deadline, for evaluators too', async () => {
    assert.equal((await t.send(groningen, 'createCall', call('gr-1', '2026-04-01T00:00:00Z'))).code, 'ok')
    assert.equal((await t.send(zuidhorn, 'createCall', call('zh-1', '2026-05-01T00:00:00Z'))).code, 'ok')
    const commitment = blobs.put(sealed)
    assert.equal((await t.send(applicant, 'apply', application('gr-1', 'a1', commitment))).code, 'ok')
    assert.equal(
      (await t.send(applicant, 'apply', application('zh-1', 'a1', blobs.put(content('the same, rephrased'))))).code,
      'ok',
    )
    assert.throws(() => read('gr-1', 'a1', ev1.did), { code: 'CALL_NOT_CLOSED' })
    assert.deepEqual(read('gr-1', 'a1', applicant.did), sealed, 'the applicant reads its own')
    assert.equal((await t.send(groningen, 'closeCall', { call: 'gr-1' })).code, 'CALL_NOT_CLOSED')
    assert.equal(
      (await t.send(ev1, 'declareInterest', { call: 'gr-1', application: 'a1', conflict: false })).code,
      'ok',
    )
    assert.equal(
      (await t.send(ev1, 'score', { call: 'gr-1', application: 'a1', scores: { impact: 8, cost: 6 } })).code,
      'CALL_NOT_CLOSED',
    )
    assert.throws(() => read('gr-1', 'a1', ev1.did), { code: 'CALL_NOT_CLOSED' })
  })

  it('opens content to evaluators without a conflict once the deadline passed (ledger time)', async () => {
    t.setTime('2026-04-01T00:00:01.000Z')
    assert.equal(
      (await t.send(applicant, 'apply', application('gr-1', 'late', blobs.put(content('late'))))).code,
      'DEADLINE_PASSED',
    )
    assert.equal((await t.send(zuidhorn, 'closeCall', { call: 'gr-1' })).code, 'NOT_OWNER')
    assert.equal((await t.send(groningen, 'closeCall', { call: 'gr-1' })).code, 'ok')
    assert.deepEqual(read('gr-1', 'a1', ev1.did), sealed)
    assert.throws(() => read('gr-1', 'a1', ev2.did), { code: 'CONFLICT_OF_INTEREST' }, 'no declaration yet')
    assert.equal(
      (
        await t.send(ev2, 'declareInterest', {
          call: 'gr-1',
          application: 'a1',
          conflict: true,
          statement: 'board member',
        })
      ).code,
      'ok',
    )
    assert.throws(() => read('gr-1', 'a1', ev2.did), { code: 'CONFLICT_OF_INTEREST' })
    assert.throws(() => read('gr-1', 'a1', stranger.did), { code: 'UNAUTHORISED' })
    assert.equal(
      (await t.send(ev2, 'score', { call: 'gr-1', application: 'a1', scores: { impact: 10, cost: 10 } })).code,
      'CONFLICT_OF_INTEREST',
    )
    assert.equal(
      (await t.send(ev1, 'score', { call: 'gr-1', application: 'a1', scores: { impact: 8, cost: 6 } })).code,
      'ok',
    )
    assert.deepEqual(
      t
        .query('ranking', { call: 'gr-1' })
        .items.map((r: { application: string; score: number }) => [r.application, r.score]),
      [['a1', 73.33]],
    )
  })

  it('flags the double funding across the two funders before the second decision, with the evidence', async () => {
    const milestones = [
      { id: 'start', amount: 40_000_00 },
      { id: 'end', amount: 60_000_00 },
    ]
    assert.equal(
      (await t.send(groningen, 'award', { call: 'gr-1', application: 'a1', amount: 100_000_00, milestones })).code,
      'ok',
    )
    const evidence = t.query('overlaps', { call: 'zh-1', application: 'a1' })
    assert.equal(evidence.flags.length, 1, 'flagged by the first award, before any decision on it')
    assert.deepEqual(
      evidence.overlaps.map(
        (o: { award: string; funder: string; sameOrganisation: boolean; sameProject: boolean; amount: number }) => [
          o.award,
          o.funder,
          o.sameOrganisation,
          o.sameProject,
          o.amount,
        ],
      ),
      [['gr-1-a1', 'groningen', true, true, 100_000_00]],
    )
    t.setTime('2026-05-01T00:00:01.000Z')
    assert.equal((await t.send(zuidhorn, 'closeCall', { call: 'zh-1' })).code, 'ok')
    assert.equal(
      (await t.send(ev1, 'declareInterest', { call: 'zh-1', application: 'a1', conflict: false })).code,
      'ok',
    )
    assert.equal(
      (await t.send(ev1, 'score', { call: 'zh-1', application: 'a1', scores: { impact: 7, cost: 7 } })).code,
      'ok',
    )
    const refused = await t.send(zuidhorn, 'award', {
      call: 'zh-1',
      application: 'a1',
      amount: 50_000_00,
      milestones: [{ id: 'all', amount: 50_000_00 }],
    })
    assert.equal(refused.code, 'DOUBLE_FUNDING')
    const acknowledged = await t.send(zuidhorn, 'award', {
      call: 'zh-1',
      application: 'a1',
      amount: 50_000_00,
      milestones: [{ id: 'all', amount: 50_000_00 }],
      acknowledge: { awards: ['gr-1-a1'], justification: 'covers the maintenance costs only, not the works' },
    })
    assert.equal(acknowledged.code, 'ok')
    assert.equal((await t.send(groningen, 'payMilestone', { award: 'gr-1-a1', milestone: 'start' })).code, 'ok')
    assert.equal((await t.send(groningen, 'payMilestone', { award: 'gr-1-a1', milestone: 'start' })).code, 'CONFLICT')
    assert.equal(t.query('award', { id: 'gr-1-a1' }).paid, 40_000_00)
  })

  it('checks signed read requests: path, expiry and signature', () => {
    const path = '/v1/grants/calls/gr-1/applications/a1/content'
    const now = Date.parse('2026-05-01T00:00:00Z')
    const header = (payload: object, key = ev1.privateJwk) =>
      `Tabularium ${toBase64Url(utf8(JSON.stringify(payload)))}.${toBase64Url(signBytes({ privateJwk: key, data: signingInput('challenge', utf8(canonicalize(payload))) }))}`
    const good = { did: ev1.did, path, expires: new Date(now + 60_000).toISOString() }
    assert.equal(verifyReadRequest({ header: header(good), path, now }), ev1.did)
    assert.throws(() => verifyReadRequest({ header: header(good), path: `${path}x`, now }), { code: 'UNAUTHORISED' })
    assert.throws(() => verifyReadRequest({ header: header(good, ev2.privateJwk), path, now }), {
      code: 'INVALID_SIGNATURE',
    })
    assert.throws(
      () =>
        verifyReadRequest({ header: header({ ...good, expires: new Date(now + 3_600_000).toISOString() }), path, now }),
      { code: 'EXPIRED' },
    )
    assert.throws(() => verifyReadRequest({ header: undefined, path, now }), { code: 'UNAUTHORISED' })
  })
})
