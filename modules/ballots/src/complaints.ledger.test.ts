import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import type { SandboxMember } from '@tabularium/module-governance'
import {
  type CeremonyKey,
  type Ciphertext,
  combineDealings,
  dealEncryptedShares,
  type EncryptedDealing,
  fileComplaint,
  partialDecrypt,
  type ReceivedShares,
} from '@tabularium/voting'
import { prepareBallot, recountFromEntries } from './client/index.js'
import { electionOf } from './rules/questions.js'
import {
  type BallotsLedger,
  codeHash,
  createIssuer,
  dealAll,
  ephemeralSigner,
  finalShare,
  messageOf,
  obtainToken,
  openBallotsLedger,
  openSharesOf,
  registerCeremonyKeys,
} from './testing/index.js'

const HOUR = 3_600_000
const IDS = ['leuven', 'gent', 'brugge']
const question = { id: 'q', title: 'Q', type: 'single', options: ['a', 'b', 'c'].map((id) => ({ id, title: id })) }
const codes = ['C-1', 'C-2', 'C-3']
const garbage = () => randomBytes(60).toString('base64url')

describe('complaints: a dealer who sends a bad share is disqualified, verifiably', () => {
  let t: BallotsLedger
  let issuer: Awaited<ReturnType<typeof createIssuer>>
  let keys: CeremonyKey[]
  let dealings: EncryptedDealing[]
  let received: ReceivedShares[]
  const member = (i: number) => t.members[i] as SandboxMember
  const query = (name: string, params: Record<string, unknown>) => t.ledger.query('ballots', name, params) as any
  const complaint = (ballot: string, complainer: number, dealer: number) => ({
    ballot,
    dealer: IDS[dealer],
    ...fileComplaint({
      ballot,
      dealer: IDS[dealer] as string,
      complainer: IDS[complainer] as string,
      secret: (keys[complainer] as CeremonyKey).secret,
      dealerKey: (keys[dealer] as CeremonyKey).publicKey,
    }),
  })

  async function create(id: string, threshold: number) {
    const opens = new Date(t.now() + HOUR).toISOString()
    const closes = new Date(t.now() + 2 * HOUR).toISOString()
    const args = {
      id,
      title: id,
      questions: [question],
      opens,
      closes,
      census: { kind: 'list' },
      issuerKey: issuer.publicKey,
      trustees: IDS,
      threshold,
    }
    assert.equal((await t.send(member(0), 'createBallot', args)).code, 'ok')
    assert.equal(
      (await t.send(member(0), 'addCensusCodes', { process: id, codeHashes: codes.map(codeHash) })).code,
      'ok',
    )
  }

  before(async () => {
    t = await openBallotsLedger()
    issuer = await createIssuer()
    await create('bad-dealer', 2)
    keys = await registerCeremonyKeys(t, 'bad-dealer')
    // Brugge sends Gent a well-encrypted share of another polynomial: it decrypts, and does not verify.
    dealings = await dealAll(t, 'bad-dealer', 2, keys, {
      corrupt: (i, shares) => (i === 2 ? [shares[0] as string, wrongShareForGent(), shares[2] as string] : shares),
    })
    received = IDS.map((_, j) => openSharesOf(t, 'bad-dealer', j, keys[j] as CeremonyKey))
  })
  after(() => t.close())

  // Brugge's share for Gent from a second dealing of Brugge's: right key and route, wrong polynomial.
  function wrongShareForGent(): string {
    const trustees = IDS.map((id, j) => ({ id, key: (keys[j] as CeremonyKey).publicKey }))
    const secret = (keys[2] as CeremonyKey).secret
    const again = dealEncryptedShares({ ballot: 'bad-dealer', dealer: 'brugge', secret, threshold: 2, trustees })
    return again.encryptedShares[1] as string
  }

  it('lets Gent find the bad share; refuses a complaint whose proof does not hold, and changes nothing', async () => {
    assert.deepEqual(
      received[1]?.bad.map((b) => [b.dealer, b.code]),
      [['brugge', 'INVALID_SHARE']],
    )
    assert.deepEqual([received[0]?.bad, received[2]?.bad], [[], []])
    const before = t.ledger.state('ballots', 'ceremony/bad-dealer')
    const honest = complaint('bad-dealer', 1, 2)
    const leuvens = complaint('bad-dealer', 0, 2) // Leuven's key with Brugge, filed by Gent
    const res = await t.send(member(1), 'complainDealing', leuvens)
    assert.equal(res.code, 'INVALID_ARGS')
    assert.equal(
      messageOf(res),
      'the complaint does not prove the key shared by gent and brugge (a complaint by gent about brugge)',
    )
    const swapped = { ...honest, proof: { challenge: honest.proof.response, response: honest.proof.challenge } }
    assert.equal((await t.send(member(1), 'complainDealing', swapped)).code, 'INVALID_ARGS')
    assert.deepEqual(t.ledger.state('ballots', 'ceremony/bad-dealer'), before)
  })

  it('refuses an unfounded complaint (the share verifies) with COMPLAINT_UNFOUNDED, and changes nothing', async () => {
    const before = t.ledger.state('ballots', 'ceremony/bad-dealer')
    const res = await t.send(member(0), 'complainDealing', complaint('bad-dealer', 0, 1))
    assert.equal(res.code, 'COMPLAINT_UNFOUNDED')
    assert.equal(messageOf(res), 'the share gent sent to leuven decrypts and verifies')
    assert.deepEqual(t.ledger.state('ballots', 'ceremony/bad-dealer'), before)
  })

  it('refuses hostile complaints with stable codes, never crashing', async () => {
    const honest = complaint('bad-dealer', 1, 2)
    const offCurve = `B${'A'.repeat(86)}`
    const cases: [Record<string, unknown>, string][] = [
      [{ ...honest, sharedKey: offCurve }, 'INVALID_ARGS'],
      [{ ...honest, sharedKey: 'AAAA' }, 'INVALID_ARGS'],
      [{ ...honest, proof: { challenge: 'x', response: honest.proof.response } }, 'INVALID_ARGS'],
      [{ ...honest, proof: { challenge: 'A'.repeat(43), response: '_'.repeat(43) } }, 'INVALID_ARGS'],
      [{ ...honest, dealer: 'nobody' }, 'INVALID_ARGS'],
      [{ ...complaint('bad-dealer', 1, 1) }, 'INVALID_ARGS'],
      [{ ...honest, ballot: 'no-such-ballot' }, 'NOT_FOUND'],
      [{ ...honest, extra: 1 }, 'INVALID_ARGS'],
    ]
    for (const [args, code] of cases)
      assert.equal((await t.send(member(1), 'complainDealing', args)).code, code, JSON.stringify(args))
  })

  it('disqualifies Brugge on Gent’s founded complaint; the key is the sum of QUAL’s commitments', async () => {
    assert.equal((await t.send(member(1), 'complainDealing', complaint('bad-dealer', 1, 2))).code, 'ok')
    assert.equal((await t.send(member(0), 'complainDealing', complaint('bad-dealer', 0, 2))).code, 'ALREADY_EXISTS')
    assert.deepEqual(query('ballot', { id: 'bad-dealer' }).ceremony.disqualified, {
      brugge: { by: 'gent', reason: 'invalid-share' },
    })
    assert.equal((await t.send(member(0), 'confirmShares', { ballot: 'bad-dealer' })).code, 'ok')
    assert.equal((await t.send(member(0), 'complainDealing', complaint('bad-dealer', 0, 1))).code, 'CONFLICT')
    // Brugge's confirmation is not needed: Gent's is the last of QUAL's.
    assert.equal((await t.send(member(1), 'confirmShares', { ballot: 'bad-dealer' })).code, 'ok')
    const { ceremony } = query('ballot', { id: 'bad-dealer' })
    const joint = combineDealings({ commitments: [0, 1].map((i) => (dealings[i] as EncryptedDealing).commitments) })
    assert.deepEqual(
      [ceremony.qualified, ceremony.publicKey, ceremony.commitments],
      [['leuven', 'gent'], joint.publicKey, joint.commitments],
    )
    assert.equal((await t.send(member(2), 'complainDealing', complaint('bad-dealer', 2, 0))).code, 'CONFLICT')
  })

  it('runs the election with QUAL: cast, close, partials (the disqualified trustee’s too), tally equal to the recount', async () => {
    const ballot = query('ballot', { id: 'bad-dealer' })
    const qualified = ['leuven', 'gent']
    const shares = received.map((r) => finalShare(r, qualified))
    t.advance(HOUR + 1000)
    for (const [k, choice] of [
      [1, 0, 0],
      [0, 0, 1],
      [1, 0, 0],
    ].entries()) {
      const token = await obtainToken(t, { process: 'bad-dealer', member: codeHash(codes[k] as string), issuer })
      const args = prepareBallot({ ballot, publicKey: ballot.ceremony.publicKey, token, choices: [choice] })
      assert.equal((await t.send(ephemeralSigner(), 'cast', args)).code, 'ok')
    }
    t.advance(HOUR)
    const tally = (t.ledger.query('ballots', 'encryptedTally', { id: 'bad-dealer' }) as { tally: Ciphertext[][] }).tally
    const election = electionOf('bad-dealer', ballot.questions[0], ballot.ceremony.publicKey)
    // Brugge (disqualified as a dealer) still holds a valid share of the key QUAL made: its partial verifies.
    for (const i of [2, 0]) {
      const partials = [partialDecrypt({ election, tally: tally[0] as Ciphertext[], share: shares[i] as never })]
      assert.equal((await t.send(member(i), 'publishPartial', { ballot: 'bad-dealer', partials })).code, 'ok')
    }
    assert.equal(
      (await t.send(ephemeralSigner(), 'publishTally', { ballot: 'bad-dealer', counts: [[2, 0, 1]] })).code,
      'ok',
    )
    const exported = JSON.parse(JSON.stringify(t.ledger.entries({ from: 0, limit: 1000 })))
    const recount = recountFromEntries(exported, { ballot: 'bad-dealer' })
    assert.deepEqual([recount.problems, recount.counts, recount.matches], [[], [[2, 0, 1]], true])
    // A recount judges the accepted complaint again: an export where it names another dealer does not add up.
    const accepted = exported.find(
      (r: any) => r.entry.tx.action === 'complainDealing' && r.entry.outcome.status === 'accepted',
    )
    accepted.entry.tx.args.dealer = 'leuven'
    assert.match(
      recountFromEntries(exported, { ballot: 'bad-dealer' }).problems.join('\n'),
      /entry \d+: an accepted complaint does not hold/,
    )
  })

  it('fails the ceremony when fewer than t dealers qualify; later steps say so', async () => {
    await create('doomed', 3)
    keys = await registerCeremonyKeys(t, 'doomed')
    // Brugge sends Leuven bytes that decrypt under no key.
    await dealAll(t, 'doomed', 3, keys, {
      corrupt: (i, s) => (i === 2 ? [garbage(), s[1] as string, s[2] as string] : s),
    })
    assert.equal(openSharesOf(t, 'doomed', 0, keys[0] as CeremonyKey).bad[0]?.code, 'UNDECRYPTABLE_SHARE')
    assert.equal((await t.send(member(0), 'complainDealing', complaint('doomed', 0, 2))).code, 'ok')
    const { ceremony } = query('ballot', { id: 'doomed' })
    assert.deepEqual(ceremony.disqualified, { brugge: { by: 'leuven', reason: 'undecryptable' } })
    assert.equal(ceremony.failed, '2 qualified dealers (leuven, gent), fewer than the threshold 3')
    const later = await t.send(member(1), 'confirmShares', { ballot: 'doomed' })
    assert.equal(later.code, 'CONFLICT')
    assert.equal(
      messageOf(later),
      'the key ceremony of doomed failed: 2 qualified dealers (leuven, gent), fewer than the threshold 3',
    )
    t.advance(HOUR + 1000)
    const token = await obtainToken(t, { process: 'doomed', member: codeHash(codes[0] as string), issuer })
    const cast = await t.send(ephemeralSigner(), 'cast', {
      ballot: 'doomed',
      token,
      answers: [{ electionId: 'x', context: 'x', ciphertexts: [], optionProofs: [] }],
    })
    assert.equal(cast.code, 'BALLOT_NOT_READY')
    assert.match(messageOf(cast), /its key ceremony failed/)
  })
})
