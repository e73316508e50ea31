import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { p256 } from '@noble/curves/nist.js'
import type { EntryRecord } from '@tabularium/ledger'
import type { SandboxMember } from '@tabularium/module-governance'
import {
  type Ciphertext,
  combineShares,
  decodeTally,
  encryptBudgetVote,
  type KeyShare,
  partialDecrypt,
  type Token,
  type TokenPrivateKey,
  type TokenPublicKey,
} from '@tabularium/voting'
import { checkBallotReceipt, prepareBallot, recountFromEntries } from './client/index.js'
import { electionOf } from './rules/questions.js'
import {
  type BallotsLedger,
  codeHash,
  createIssuer,
  ephemeralSigner,
  obtainToken,
  openBallotsLedger,
  runCeremony,
} from './testing/index.js'
import type { BallotRecord } from './types.js'

const HOUR = 3_600_000
const questions = [
  {
    id: 'mayor',
    title: 'Mayor',
    type: 'single',
    options: [
      { id: 'a', title: 'Ana' },
      { id: 'b', title: 'Bo' },
      { id: 'c', title: 'Cy' },
    ],
  },
  {
    id: 'pb',
    title: 'Budget 2026',
    type: 'budget',
    min: 1,
    max: 3,
    budget: 1_000_000,
    options: [
      { id: 'park', title: 'Park', cost: 400_000 },
      { id: 'lanes', title: 'Bike lanes', cost: 350_000 },
      { id: 'library', title: 'Library', cost: 250_000 },
      { id: 'pool', title: 'Pool', cost: 600_000 },
    ],
  },
]

describe('ballots on createLedger (3 trustees, 2-of-3)', () => {
  let t: BallotsLedger
  let issuer: { publicKey: TokenPublicKey; privateKey: TokenPrivateKey }
  let shares: KeyShare[]
  let city: BallotRecord & { ceremony: { publicKey: string } }
  const receipts: { voter: string; receipt: unknown }[] = []
  const member = (i: number) => t.members[i] as SandboxMember
  // biome-ignore lint/suspicious/noExplicitAny: query results are JSON, checked field by field
  const query = (name: string, params: Record<string, unknown>) => t.ledger.query('ballots', name, params) as any
  const codes = ['K7Q-2MX-01', 'K7Q-2MX-02', 'K7Q-2MX-03', 'K7Q-2MX-04']

  async function create(id: string, extra: Record<string, unknown>) {
    const opens = new Date(t.now() + HOUR).toISOString()
    const closes = new Date(t.now() + 2 * HOUR).toISOString()
    const args = {
      id,
      title: id,
      questions,
      opens,
      closes,
      census: { kind: 'list' },
      issuerKey: issuer.publicKey,
      trustees: ['leuven', 'gent', 'brugge'],
      threshold: 2,
      ...extra,
    }
    assert.equal((await t.send(member(0), 'createBallot', args)).code, 'ok')
    assert.equal(
      (await t.send(member(0), 'addCensusCodes', { process: id, codeHashes: codes.map(codeHash) })).code,
      'ok',
    )
  }

  async function vote(token: Token, choices: number[][], ballotId = 'city-2026') {
    const b = query('ballot', { id: ballotId })
    const args = prepareBallot({ ballot: b, publicKey: b.ceremony.publicKey, token, choices })
    return t.send(ephemeralSigner(), 'cast', args)
  }

  before(async () => {
    t = await openBallotsLedger()
    issuer = await createIssuer()
    await create('city-2026', { voteAgain: true })
    await create('once-2026', { voteAgain: false, questions: [questions[0]] })
    shares = await runCeremony(t, 'city-2026', 2)
    await runCeremony(t, 'once-2026', 2)
    city = query('ballot', { id: 'city-2026' })
    assert.match(city.ceremony.publicKey, /^[A-Za-z0-9_-]{87}$/)
  })
  after(() => t.close())

  it('issues one token per census member, and only to the census', async () => {
    await assert.rejects(obtainToken(t, { process: 'city-2026', member: codeHash('not-a-code'), issuer }), {
      code: 'NOT_IN_CENSUS',
    })
    await obtainToken(t, { process: 'once-2026', member: codeHash(codes[0] as string), issuer })
    await assert.rejects(obtainToken(t, { process: 'once-2026', member: codeHash(codes[0] as string), issuer }), {
      code: 'TOKEN_ALREADY_ISSUED',
    })
  })

  it('refuses ballots before the opening, and tokens of another issuer', async () => {
    const token = await obtainToken(t, { process: 'once-2026', member: codeHash(codes[1] as string), issuer })
    assert.equal((await vote(token, [[1, 0, 0]], 'once-2026')).code, 'BALLOT_NOT_OPEN')
    t.advance(HOUR + 1000)
    const other = await createIssuer()
    const foreign = await obtainToken(t, { process: 'once-2026', member: codeHash(codes[2] as string), issuer: other })
    assert.equal((await vote(foreign, [[1, 0, 0]], 'once-2026')).code, 'INVALID_TOKEN')
  })

  it('refuses a second ballot with the same token when vote-again is off', async () => {
    const token = await obtainToken(t, { process: 'once-2026', member: codeHash(codes[3] as string), issuer })
    assert.equal((await vote(token, [[1, 0, 0]], 'once-2026')).code, 'ok')
    const again = await vote(token, [[0, 1, 0]], 'once-2026')
    assert.equal(again.code, 'NULLIFIER_USED')
    assert.deepEqual(query('turnout', { id: 'once-2026' }).counted, 1)
  })

  it('a ballot that breaks the participatory-budget rules is refused with a clear reason', async () => {
    const token = await obtainToken(t, { process: 'city-2026', member: codeHash(codes[3] as string), issuer })
    // In the wallet: refused before anything is encrypted.
    assert.throws(
      () =>
        prepareBallot({
          ballot: city,
          publicKey: city.ceremony.publicKey,
          token,
          choices: [
            [1, 0, 0],
            [1, 1, 0, 1],
          ],
        }),
      {
        code: 'INVALID_CHOICE',
        message: 'the selected projects cost 1350000, more than the budget of 1000000',
      },
    )
    // On the ledger: a forged ballot whose proof is for a larger budget.
    const honest = prepareBallot({
      ballot: city,
      publicKey: city.ceremony.publicKey,
      token,
      choices: [
        [1, 0, 0],
        [1, 0, 0, 0],
      ],
    })
    const election = electionOf('city-2026', city.questions[1] as never, city.ceremony.publicKey)
    const context = honest.answers[0]?.context as string
    const forged = encryptBudgetVote({
      election,
      rule: { costs: [400_000, 350_000, 250_000, 600_000], budget: 2_000_000 },
      choices: [1, 1, 0, 1],
      context,
    })
    const refused = await t.send(ephemeralSigner(), 'cast', { ...honest, answers: [honest.answers[0], forged] })
    assert.equal(refused.code, 'BALLOT_RULES_BROKEN')
    assert.equal(
      refused.result.ok && refused.result.outcome.status === 'rejected' ? refused.result.outcome.message : '',
      'question pb: the ballot does not prove that the selected projects cost at most the budget of 1000000',
    )
    // Or one that selects four projects: each option proved 0/1, but no proof of "at most 3" can hold.
    const rule = { costs: [400_000, 350_000, 250_000, 600_000], budget: 1_000_000 }
    const x = encryptBudgetVote({ election, rule, choices: [1, 1, 1, 0], context })
    const y = encryptBudgetVote({ election, rule, choices: [0, 0, 0, 1], context })
    const tooMany = {
      ...x,
      ciphertexts: [...x.ciphertexts.slice(0, 3), y.ciphertexts[3]],
      optionProofs: [...x.optionProofs.slice(0, 3), y.optionProofs[3]],
    }
    const refused2 = await t.send(ephemeralSigner(), 'cast', { ...honest, answers: [honest.answers[0], tooMany] })
    assert.equal(refused2.code, 'BALLOT_RULES_BROKEN')
    assert.match(
      refused2.result.ok && refused2.result.outcome.status === 'rejected' ? refused2.result.outcome.message : '',
      /between 1 and 3 options/,
    )
  })

  it('vote-again replaces the earlier ballot: the last counts, and only once', async () => {
    const tokens = await Promise.all(
      codes.slice(0, 3).map((code) => obtainToken(t, { process: 'city-2026', member: codeHash(code), issuer })),
    )
    const [a, b, c] = tokens as [Token, Token, Token]
    const first = await vote(a, [
      [1, 0, 0],
      [1, 0, 0, 0],
    ])
    assert.equal(first.code, 'ok')
    receipts.push({ voter: 'a-first', receipt: first.result.ok ? first.result.receipt : null })
    for (const [voter, token, choices] of [
      [
        'b',
        b,
        [
          [0, 1, 0],
          [0, 1, 1, 0],
        ],
      ],
      [
        'c',
        c,
        [
          [0, 1, 0],
          [1, 1, 1, 0],
        ],
      ],
      [
        'a',
        a,
        [
          [0, 0, 1],
          [0, 0, 0, 1],
        ],
      ],
    ] as const) {
      const res = await vote(token, choices as unknown as number[][])
      assert.equal(res.code, 'ok')
      receipts.push({ voter, receipt: res.result.ok ? res.result.receipt : null })
    }
    const turnout = query('turnout', { id: 'city-2026' })
    assert.deepEqual(
      [turnout.issued, turnout.cast, turnout.counted, turnout.replaced, turnout.censusSize],
      [4, 4, 3, 1, 4],
    )
  })

  it('no result can be computed before the close and the trustees’ reveal', async () => {
    assert.equal(query('result', { id: 'city-2026', at: new Date(t.now()).toISOString() }).status, 'sealed')
    const partial = shares.map((share) => ({ share }))
    const tally = (t.ledger.query('ballots', 'encryptedTally', { id: 'city-2026' }) as { tally: Ciphertext[][] }).tally
    const election = electionOf('city-2026', city.questions[0] as never, city.ceremony.publicKey)
    const early = partialDecrypt({ election, tally: tally[0] as Ciphertext[], share: partial[0]?.share as KeyShare })
    const refused = await t.send(member(0), 'publishPartial', { ballot: 'city-2026', partials: [early, early] })
    assert.equal(refused.code, 'BALLOT_NOT_CLOSED')
    assert.equal(
      (
        await t.send(member(1), 'publishTally', {
          ballot: 'city-2026',
          counts: [
            [1, 1, 1],
            [1, 2, 2, 1],
          ],
        })
      ).code,
      'BALLOT_NOT_CLOSED',
    )
    // What the ledger holds is ciphertexts: no count up to a million decodes from them, nor from one trustee's share.
    const betas = (tally[0] as Ciphertext[]).map((ct) => p256.Point.fromBytes(Buffer.from(ct.beta, 'base64url')))
    assert.throws(() => decodeTally({ points: betas, maxVotes: 1_000_000 }), { code: 'TALLY_OUT_OF_RANGE' })
    assert.throws(() => combineShares({ tally: tally[0] as Ciphertext[], partials: [early], threshold: 2 }), {
      code: 'NOT_ENOUGH_SHARES',
    })
  })

  it('after the close, two trustees reveal, the tally is published, and a recount from the export equals it', async () => {
    t.advance(HOUR)
    const late = await obtainToken(t, { process: 'city-2026', member: codeHash(codes[3] as string), issuer }).catch(
      (e) => e,
    )
    assert.equal(late.code, 'BALLOT_NOT_OPEN')
    const tally = (t.ledger.query('ballots', 'encryptedTally', { id: 'city-2026' }) as { tally: Ciphertext[][] }).tally
    for (const i of [2, 0]) {
      const partials = city.questions.map((q, k) =>
        partialDecrypt({
          election: electionOf('city-2026', q, city.ceremony.publicKey),
          tally: tally[k] as Ciphertext[],
          share: shares[i] as KeyShare,
        }),
      )
      const forged = partials.map((x) => ({ ...x, index: 2 }))
      if (i === 2)
        assert.equal(
          (await t.send(member(1), 'publishPartial', { ballot: 'city-2026', partials: forged })).code,
          'INVALID_DECRYPTION',
        )
      assert.equal((await t.send(member(i), 'publishPartial', { ballot: 'city-2026', partials })).code, 'ok')
    }
    const expected = [
      [0, 2, 1],
      [1, 2, 2, 1],
    ]
    const anyone = ephemeralSigner()
    assert.equal(
      (
        await t.send(anyone, 'publishTally', {
          ballot: 'city-2026',
          counts: [
            [1, 1, 1],
            [1, 2, 2, 1],
          ],
        })
      ).code,
      'TALLY_MISMATCH',
    )
    assert.equal((await t.send(anyone, 'publishTally', { ballot: 'city-2026', counts: expected })).code, 'ok')
    const result = query('result', { id: 'city-2026' })
    assert.equal(result.status, 'published')
    assert.deepEqual(
      result.questions[1].options.map((o: { votes: number }) => o.votes),
      [1, 2, 2, 1],
    )

    // The export: every entry of the log, as JSON, with nothing else.
    const exported = JSON.parse(JSON.stringify(allEntries(t)))
    const recount = recountFromEntries(exported, { ballot: 'city-2026' })
    assert.deepEqual(recount.problems, [])
    assert.deepEqual(recount.counts, expected)
    assert.equal(recount.matches, true)
    assert.deepEqual([recount.ballots, recount.replaced, recount.tokensIssued], [3, 1, 4])

    // Each voter's receipt: their last ballot is in the count, unchanged; the replaced one says so.
    const g = t.ledger.genesis
    const trust = {
      origin: g.origin,
      logKeys: g.members.map((m) => m.logKey),
      witnessKeys: g.members.map((m) => m.witnessKey),
      witnessQuorum: 1,
    }
    // (one node in this test, so one cosignature: its own; a network's members add theirs)
    const statuses = receipts.map(({ voter, receipt }) => [
      voter,
      checkBallotReceipt({ receipt, trust, recount }).status,
    ])
    assert.deepEqual(statuses, [
      ['a-first', 'replaced'],
      ['b', 'counted'],
      ['c', 'counted'],
      ['a', 'counted'],
    ])
    // A tampered export is caught.
    const tampered = JSON.parse(JSON.stringify(exported))
    const castEntry = tampered.findLast(
      (e: { entry: { tx: { action: string; args: { ballot: string } }; outcome: { status: string } } }) =>
        e.entry.tx.action === 'cast' && e.entry.tx.args.ballot === 'city-2026' && e.entry.outcome.status === 'accepted',
    )
    castEntry.entry.tx.args.answers[0].ciphertexts.reverse()
    assert.match(recountFromEntries(tampered, { ballot: 'city-2026' }).problems.join('\n'), /does not verify/)
  })

  it('no field of the token-issuance records joins any field of the ballot entries', () => {
    const records = allEntries(t).filter((r) => r.entry.tx.module === 'ballots')
    const issuance = records.filter((r) => r.entry.tx.action === 'issueToken')
    const ballotsCast = records.filter((r) => r.entry.tx.action === 'cast' && r.entry.outcome.status === 'accepted')
    assert.ok(issuance.length >= 8 && ballotsCast.length >= 5)
    // Values every entry shares by construction (protocol version, network, module, the ballot's id, 'accepted').
    const common = new Set(['1', 'sandbox', 'ballots', 'accepted', 'city-2026', 'once-2026'])
    const issued = new Set(issuance.flatMap((r) => fields({ index: r.index, ...r.entry })))
    for (const r of ballotsCast) {
      const shared = fields({ index: r.index, ...r.entry }).filter(
        (f) => issued.has(f) && !common.has(f.slice(f.indexOf('=') + 1)),
      )
      assert.deepEqual(shared, [], `ballot entry ${r.index} shares ${shared.join(', ')} with an issuance record`)
    }
    // The events are no different: tokenIssued carries the census member, ballotCast the nullifier.
    const events = t.ledger.query('ballots', 'entries', { id: 'city-2026' }) as { indexes: number[] }
    assert.ok(events.indexes.length > 0)
  })
})

function allEntries(t: BallotsLedger): EntryRecord[] {
  const out: EntryRecord[] = []
  for (let from = 0; ; from += 1000) {
    const page = t.ledger.entries({ from, limit: 1000 })
    out.push(...page.map(({ index, txid, entry }) => ({ index, txid, entry }) as EntryRecord))
    if (page.length < 1000) return out
  }
}

// Every field of an entry as 'name=value', whatever its depth (time, block, signer, nonce, expires, hashes…);
// two records join when a field of the same name holds the same value.
function fields(value: unknown, name = ''): string[] {
  if (value === null || typeof value !== 'object') return [`${name}=${String(value)}`]
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
    fields(v, Array.isArray(value) ? name : k),
  )
}
