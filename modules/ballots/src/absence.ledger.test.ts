import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { SandboxMember } from '@tabularium/module-governance'
import {
  type CeremonyKey,
  type Ciphertext,
  combineDealings,
  createCeremonyKey,
  dealEncryptedShares,
  type KeyShare,
  partialDecrypt,
} from '@tabularium/voting'
import { dealToRegistered, prepareBallot, recountFromEntries } from './client/index.js'
import { electionOf } from './rules/questions.js'
import {
  type BallotsLedger,
  codeHash,
  createIssuer,
  ephemeralSigner,
  finalShare,
  messageOf,
  obtainToken,
  openBallotsLedger,
  openSharesOf,
  registerCeremonyKeys,
} from './testing/index.js'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const IDS = ['leuven', 'gent', 'brugge']
const question = { id: 'q', title: 'Q', type: 'single', options: ['a', 'b'].map((id) => ({ id, title: id })) }
const codes = ['A-1', 'A-2', 'A-3']

describe('the ceremony deadline: a close disqualifies the absent trustees', () => {
  let t: BallotsLedger
  let issuer: Awaited<ReturnType<typeof createIssuer>>
  const member = (i: number) => t.members[i] as SandboxMember
  const query = (name: string, params: Record<string, unknown>) => t.ledger.query('ballots', name, params) as any
  const ceremonyOf = (id: string) => t.ledger.state('ballots', `ceremony/${id}`)

  async function create(id: string, p: { by?: number; trustees?: string[]; threshold: number; deadline?: string }) {
    const args = {
      id,
      title: id,
      questions: [question],
      opens: new Date(t.now() + HOUR).toISOString(),
      closes: new Date(t.now() + 2 * HOUR).toISOString(),
      census: { kind: 'list' },
      issuerKey: issuer.publicKey,
      trustees: p.trustees ?? IDS,
      threshold: p.threshold,
      ...(p.deadline ? { ceremonyDeadline: p.deadline } : {}),
    }
    assert.equal((await t.send(member(p.by ?? 0), 'createBallot', args)).code, 'ok')
    const census = { process: id, codeHashes: codes.map(codeHash) }
    assert.equal((await t.send(member(p.by ?? 0), 'addCensusCodes', census)).code, 'ok')
  }

  async function register(id: string, i: number): Promise<CeremonyKey> {
    const key = createCeremonyKey({ context: `${id}/${IDS[i]}` })
    const res = await t.send(member(i), 'registerCeremonyKey', { ballot: id, key: key.publicKey, proof: key.proof })
    assert.equal(res.code, 'ok')
    return key
  }

  // Deals to the keys on the ledger ('' for a trustee without one), as the console does.
  async function deal(id: string, i: number, key: CeremonyKey) {
    const { trustees, threshold, ceremony } = query('ballot', { id })
    const d = dealToRegistered({
      ballot: id,
      dealer: IDS[i] as string,
      secret: key.secret,
      threshold,
      trustees,
      keys: ceremony.keys,
    })
    const args = { ballot: id, commitments: d.commitments, proof: d.proof, shares: d.encryptedShares }
    return { res: await t.send(member(i), 'submitDealing', args), dealing: d }
  }

  // Opens, casts one ballot per choice, closes, publishes the partials of `revealers` and the tally; returns the recount.
  async function election(id: string, shares: Map<number, KeyShare>, choices: number[][], revealers: number[]) {
    const ballot = query('ballot', { id })
    t.advance(HOUR)
    for (const [k, choice] of choices.entries()) {
      const token = await obtainToken(t, { process: id, member: codeHash(codes[k] as string), issuer })
      const args = prepareBallot({ ballot, publicKey: ballot.ceremony.publicKey, token, choices: [choice] })
      assert.equal((await t.send(ephemeralSigner(), 'cast', args)).code, 'ok')
    }
    t.advance(HOUR)
    const tally = (t.ledger.query('ballots', 'encryptedTally', { id }) as { tally: Ciphertext[][] }).tally
    const e = electionOf(id, ballot.questions[0], ballot.ceremony.publicKey)
    for (const i of revealers) {
      const partials = [
        partialDecrypt({ election: e, tally: tally[0] as Ciphertext[], share: shares.get(i) as KeyShare }),
      ]
      assert.equal((await t.send(member(i), 'publishPartial', { ballot: id, partials })).code, 'ok')
    }
    const counts = [choices.reduce((sum, c) => sum.map((x, j) => x + (c[j] as number)), [0, 0])]
    assert.equal((await t.send(ephemeralSigner(), 'publishTally', { ballot: id, counts })).code, 'ok')
    return JSON.parse(JSON.stringify(t.ledger.entries({ from: 0, limit: 2000 })))
  }

  before(async () => {
    t = await openBallotsLedger()
    issuer = await createIssuer()
  })
  after(() => t.close())

  it('refuses a ceremony deadline after the opening or in the past', async () => {
    for (const deadline of [new Date(t.now() + 2 * HOUR).toISOString(), new Date(t.now() - MINUTE).toISOString()]) {
      const args = { id: 'bad-deadline', title: 'x', questions: [question], census: { kind: 'list' } }
      const res = await t.send(member(0), 'createBallot', {
        ...args,
        opens: new Date(t.now() + HOUR).toISOString(),
        closes: new Date(t.now() + 2 * HOUR).toISOString(),
        issuerKey: issuer.publicKey,
        trustees: IDS,
        threshold: 2,
        ceremonyDeadline: deadline,
      })
      assert.equal(res.code, 'INVALID_ARGS')
    }
  })

  it('Brugge never registers: the others deal from the deadline, the organiser closes, the ballot runs end to end', async () => {
    await create('no-key', { threshold: 2 })
    const created = query('ballot', { id: 'no-key' })
    // The default deadline: halfway from the creation to the opening.
    const half = (Date.parse(created.opens) - Date.parse(created.createdAt)) / 2
    assert.equal(Date.parse(created.ceremonyDeadline) - Date.parse(created.createdAt), Math.floor(half))
    const keys = [await register('no-key', 0), await register('no-key', 1)]
    assert.equal((await deal('no-key', 1, keys[1] as CeremonyKey)).res.code, 'CONFLICT')
    const before = ceremonyOf('no-key')
    const early = await t.send(member(0), 'closeCeremony', { ballot: 'no-key' })
    assert.equal(early.code, 'CEREMONY_NOT_DUE')
    assert.equal(messageOf(early), `the key ceremony of no-key may be closed from ${created.ceremonyDeadline}`)
    assert.deepEqual(ceremonyOf('no-key'), before)

    t.advance(half)
    // From the deadline a dealing goes to the registered keys: a share for Brugge, who has none, is refused.
    const trustees = IDS.map((id, j) => ({ id, key: (keys[j] ?? keys[0]) as CeremonyKey }))
    const full = dealEncryptedShares({
      ballot: 'no-key',
      dealer: 'leuven',
      secret: (keys[0] as CeremonyKey).secret,
      threshold: 2,
      trustees: trustees.map((x) => ({ id: x.id, key: x.key.publicKey })),
    })
    const wrong = { ballot: 'no-key', commitments: full.commitments, proof: full.proof, shares: full.encryptedShares }
    assert.equal((await t.send(member(0), 'submitDealing', wrong)).code, 'INVALID_ARGS')
    const dealings = [(await deal('no-key', 0, keys[0] as CeremonyKey)).dealing]
    assert.equal((await t.send(member(0), 'confirmShares', { ballot: 'no-key' })).code, 'CONFLICT')
    dealings.push((await deal('no-key', 1, keys[1] as CeremonyKey)).dealing)
    // The first dealing fixed the recipients: Brugge can no longer come in.
    const late = createCeremonyKey({ context: 'no-key/brugge' })
    const refused = await t.send(member(2), 'registerCeremonyKey', {
      ballot: 'no-key',
      key: late.publicKey,
      proof: late.proof,
    })
    assert.equal(refused.code, 'CONFLICT')
    const received = [0, 1].map((j) => openSharesOf(t, 'no-key', j, keys[j] as CeremonyKey))
    assert.deepEqual(
      received.map((r) => [Object.keys(r.shares).length, r.bad.length]),
      [
        [2, 0],
        [2, 0],
      ],
    )
    for (const i of [0, 1]) assert.equal((await t.send(member(i), 'confirmShares', { ballot: 'no-key' })).code, 'ok')
    assert.equal(query('ballot', { id: 'no-key' }).ceremony.publicKey, null) // Brugge is still awaited

    assert.equal((await t.send(ephemeralSigner(), 'closeCeremony', { ballot: 'no-key' })).code, 'UNAUTHORISED')
    assert.equal((await t.send(member(0), 'closeCeremony', { ballot: 'no-key' })).code, 'ok')
    const { ceremony } = query('ballot', { id: 'no-key' })
    const joint = combineDealings({ commitments: dealings.map((d) => d.commitments) })
    assert.deepEqual(ceremony.disqualified, { brugge: { by: 'leuven', reason: 'absent' } })
    assert.deepEqual([ceremony.qualified, ceremony.publicKey], [['leuven', 'gent'], joint.publicKey])
    assert.equal(ceremony.closed.by, 'leuven')
    assert.equal((await t.send(member(1), 'closeCeremony', { ballot: 'no-key' })).code, 'ALREADY_EXISTS')

    const shares = new Map([0, 1].map((i) => [i, finalShare(received[i] as never, ['leuven', 'gent'])]))
    const entries = await election(
      'no-key',
      shares,
      [
        [1, 0],
        [0, 1],
        [1, 0],
      ],
      [1, 0],
    )
    const recount = recountFromEntries(entries, { ballot: 'no-key' })
    assert.deepEqual([recount.problems, recount.counts, recount.matches], [[], [[2, 1]], true])
    // A recount judges the close too: one dated before the deadline is a problem.
    const close = entries.find(
      (r: any) => r.entry.tx.action === 'closeCeremony' && r.entry.outcome.status === 'accepted',
    )
    close.entry.time = created.createdAt
    assert.match(recountFromEntries(entries, { ballot: 'no-key' }).problems.join('\n'), /closed before its deadline/)
  })

  it('Gent registers but never deals: a trustee closes, the others confirm; Gent still holds a share', async () => {
    await create('no-dealing', { threshold: 2 })
    const keys = await registerCeremonyKeys(t, 'no-dealing')
    for (const i of [0, 2]) assert.equal((await deal('no-dealing', i, keys[i] as CeremonyKey)).res.code, 'ok')
    const waiting = await t.send(member(0), 'confirmShares', { ballot: 'no-dealing' })
    assert.equal(messageOf(waiting), 'waiting for dealings from gent')
    t.advance(HOUR / 2)
    assert.equal((await t.send(member(2), 'closeCeremony', { ballot: 'no-dealing' })).code, 'ok')
    assert.equal((await deal('no-dealing', 1, keys[1] as CeremonyKey)).res.code, 'CONFLICT')
    for (const i of [0, 2])
      assert.equal((await t.send(member(i), 'confirmShares', { ballot: 'no-dealing' })).code, 'ok')
    const { ceremony } = query('ballot', { id: 'no-dealing' })
    assert.deepEqual([ceremony.qualified, ceremony.disqualified.gent.reason], [['leuven', 'brugge'], 'absent'])
    // Gent was dealt shares by every qualified dealer: its partial verifies like anyone's.
    const qualified = ['leuven', 'brugge']
    const shares = new Map(
      [1, 2].map((j) => [j, finalShare(openSharesOf(t, 'no-dealing', j, keys[j] as CeremonyKey), qualified)]),
    )
    const entries = await election('no-dealing', shares, [[0, 1]], [1, 2])
    const recount = recountFromEntries(entries, { ballot: 'no-dealing' })
    assert.deepEqual([recount.problems, recount.counts, recount.matches], [[], [[0, 1]], true])
  })

  it('Brugge deals but never confirms: after the close, t confirmations fix the key with Brugge in QUAL', async () => {
    await create('silent', { threshold: 2 })
    const keys = await registerCeremonyKeys(t, 'silent')
    for (const i of [0, 1, 2]) assert.equal((await deal('silent', i, keys[i] as CeremonyKey)).res.code, 'ok')
    for (const i of [0, 1]) assert.equal((await t.send(member(i), 'confirmShares', { ballot: 'silent' })).code, 'ok')
    // Before the close every qualified trustee must confirm: the key waits for Brugge.
    assert.equal(query('ballot', { id: 'silent' }).ceremony.publicKey, null)
    t.advance(HOUR / 2)
    assert.equal((await t.send(member(0), 'closeCeremony', { ballot: 'silent' })).code, 'ok')
    const { ceremony } = query('ballot', { id: 'silent' })
    assert.deepEqual([ceremony.qualified, ceremony.disqualified], [IDS, {}])
    const late = await t.send(member(2), 'confirmShares', { ballot: 'silent' })
    assert.equal(messageOf(late), 'the election key of silent is fixed already')
    const shares = new Map(
      [0, 1].map((j) => [j, finalShare(openSharesOf(t, 'silent', j, keys[j] as CeremonyKey), IDS)]),
    )
    const entries = await election('silent', shares, [[1, 0]], [0, 1])
    const recount = recountFromEntries(entries, { ballot: 'silent' })
    assert.deepEqual([recount.problems, recount.counts, recount.matches], [[], [[1, 0]], true])
  })

  it('closing with fewer than t present fails the ceremony; only the organiser or a trustee may close', async () => {
    const deadline = new Date(t.now() + 10 * MINUTE).toISOString()
    await create('few', { by: 1, trustees: ['gent', 'brugge'], threshold: 2, deadline })
    const key = createCeremonyKey({ context: 'few/gent' })
    const registered = await t.send(member(1), 'registerCeremonyKey', {
      ballot: 'few',
      key: key.publicKey,
      proof: key.proof,
    })
    assert.equal(registered.code, 'ok')
    t.advance(10 * MINUTE)
    const outsider = await t.send(member(0), 'closeCeremony', { ballot: 'few' })
    assert.equal(outsider.code, 'NOT_OWNER')
    assert.equal((await t.send(member(1), 'closeCeremony', { ballot: 'few' })).code, 'ok')
    const { ceremony } = query('ballot', { id: 'few' })
    assert.deepEqual(ceremony.disqualified, {
      gent: { by: 'gent', reason: 'absent' },
      brugge: { by: 'gent', reason: 'absent' },
    })
    assert.equal(ceremony.failed, '0 qualified dealers (none), fewer than the threshold 2')
    const again = await t.send(member(1), 'registerCeremonyKey', {
      ballot: 'few',
      key: key.publicKey,
      proof: key.proof,
    })
    assert.equal(messageOf(again), `the key ceremony of few failed: ${ceremony.failed}`)
    t.advance(HOUR)
    const token = await obtainToken(t, { process: 'few', member: codeHash(codes[0] as string), issuer })
    const cast = await t.send(ephemeralSigner(), 'cast', {
      ballot: 'few',
      token,
      answers: [{ electionId: 'x', context: 'x', ciphertexts: [], optionProofs: [] }],
    })
    assert.equal(cast.code, 'BALLOT_NOT_READY')
  })
})
