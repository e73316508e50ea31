import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { p256 } from '@noble/curves/nist.js'
import type { SandboxMember } from '@tabularium/module-governance'
import { type CeremonyKey, createCeremonyKey, dealEncryptedShares, type EncryptedDealing } from '@tabularium/voting'
import { type BallotsLedger, createIssuer, messageOf, openBallotsLedger } from './testing/index.js'

const HOUR = 3_600_000
const IDS = ['leuven', 'gent', 'brugge']
const question = { id: 'q', title: 'Q', type: 'single', options: ['a', 'b'].map((id) => ({ id, title: id })) }

describe('the key ceremony: ceremony keys, then dealings with encrypted shares', () => {
  let t: BallotsLedger
  let keys: CeremonyKey[]
  const dealings: EncryptedDealing[] = []
  const member = (i: number) => t.members[i] as SandboxMember
  const trustees = () => IDS.map((id, j) => ({ id, key: (keys[j] as CeremonyKey).publicKey }))
  const deal = (i: number) =>
    dealEncryptedShares({
      ballot: 'dkg',
      dealer: IDS[i] as string,
      secret: (keys[i] as CeremonyKey).secret,
      threshold: 2,
      trustees: trustees(),
    })
  const argsOf = (d: EncryptedDealing) => ({
    ballot: 'dkg',
    commitments: d.commitments,
    proof: d.proof,
    shares: d.encryptedShares,
  })

  before(async () => {
    t = await openBallotsLedger()
    const issuer = await createIssuer()
    const args = {
      id: 'dkg',
      title: 'dkg',
      questions: [question],
      opens: new Date(t.now() + HOUR).toISOString(),
      closes: new Date(t.now() + 2 * HOUR).toISOString(),
      census: { kind: 'list' },
      issuerKey: issuer.publicKey,
      trustees: IDS,
      threshold: 2,
    }
    assert.equal((await t.send(member(0), 'createBallot', args)).code, 'ok')
    keys = IDS.map((id) => createCeremonyKey({ context: `dkg/${id}` }))
  })
  after(() => t.close())

  it('refuses a ceremony key proved for another trustee or not a point; registers each once', async () => {
    const [leuvenKey, gentKey] = keys as [CeremonyKey, CeremonyKey]
    const replayed = await t.send(member(1), 'registerCeremonyKey', {
      ballot: 'dkg',
      key: leuvenKey.publicKey,
      proof: leuvenKey.proof,
    })
    assert.equal(replayed.code, 'INVALID_ARGS')
    assert.equal(
      messageOf(replayed),
      'the ceremony key does not come with a proof that its holder knows it (a ceremony key for dkg/gent)',
    )
    const notAPoint = `B${'A'.repeat(86)}`
    const bad = await t.send(member(1), 'registerCeremonyKey', { ballot: 'dkg', key: notAPoint, proof: gentKey.proof })
    assert.equal(bad.code, 'INVALID_ARGS')
    assert.equal(
      (await t.send(member(1), 'registerCeremonyKey', { ballot: 'dkg', key: 'x'.repeat(200), proof: gentKey.proof }))
        .code,
      'INVALID_ARGS',
    )
    assert.equal(
      (
        await t.send(member(0), 'registerCeremonyKey', {
          ballot: 'dkg',
          key: leuvenKey.publicKey,
          proof: leuvenKey.proof,
        })
      ).code,
      'ok',
    )
    const again = await t.send(member(0), 'registerCeremonyKey', {
      ballot: 'dkg',
      key: leuvenKey.publicKey,
      proof: leuvenKey.proof,
    })
    assert.equal(again.code, 'ALREADY_EXISTS')
  })

  it('refuses a dealing before every trustee has registered its ceremony key', async () => {
    // Encrypted to keys that are not registered (Leuven's own, three times): refused before anything is checked.
    const leuvenOnly = IDS.map((id) => ({ id, key: (keys[0] as CeremonyKey).publicKey }))
    const early = dealEncryptedShares({
      ballot: 'dkg',
      dealer: 'leuven',
      secret: (keys[0] as CeremonyKey).secret,
      threshold: 2,
      trustees: leuvenOnly,
    })
    const res = await t.send(member(0), 'submitDealing', argsOf(early))
    assert.equal(res.code, 'CONFLICT')
    assert.equal(messageOf(res), 'waiting for ceremony keys from gent, brugge')
    for (const i of [1, 2]) {
      const key = keys[i] as CeremonyKey
      assert.equal(
        (await t.send(member(i), 'registerCeremonyKey', { ballot: 'dkg', key: key.publicKey, proof: key.proof })).code,
        'ok',
      )
    }
    dealings.push(...IDS.map((_, i) => deal(i)))
  })

  it('refuses a proof made for another trustee, and a rogue first commitment', async () => {
    const [leuven, gent] = dealings as [EncryptedDealing, EncryptedDealing]
    // Leuven replays Gent's dealing as its own: the proof is bound to "dkg/gent", so it fails for "dkg/leuven".
    const replayed = await t.send(member(0), 'submitDealing', argsOf(gent))
    assert.equal(replayed.code, 'INVALID_ARGS')
    assert.equal(
      messageOf(replayed),
      'the dealing does not prove knowledge of its secret (a proof of knowledge of a_0 for dkg/leuven)',
    )
    // A rogue key: g^y minus Gent's constant term, so that the joint key would be g^y.
    const G = p256.Point.BASE
    const gentA0 = p256.Point.fromBytes(Buffer.from(gent.commitments[0] as string, 'base64url'))
    const rogue = Buffer.from(G.multiply(12345n).subtract(gentA0).toBytes(false)).toString('base64url')
    const commitments = [rogue, ...leuven.commitments.slice(1)]
    assert.equal((await t.send(member(0), 'submitDealing', { ...argsOf(leuven), commitments })).code, 'INVALID_ARGS')
  })

  it('refuses hostile dealings with stable codes: wrong counts, bad points, malformed shares', async () => {
    const leuven = argsOf(dealings[0] as EncryptedDealing)
    const cases: [string, Record<string, unknown>, string][] = [
      [
        'two shares for three trustees',
        { ...leuven, shares: leuven.shares.slice(0, 2) },
        'a dealing has 3 encrypted shares (one per trustee)',
      ],
      [
        'three commitments for t = 2',
        { ...leuven, commitments: [...leuven.commitments, leuven.commitments[0]] },
        'a dealing has 2 commitments (the threshold)',
      ],
      ['a commitment off the curve', { ...leuven, commitments: [`B${'A'.repeat(86)}`, leuven.commitments[1]] }, ''],
      ['a share of 79 characters', { ...leuven, shares: [...leuven.shares.slice(0, 2), 'A'.repeat(79)] }, ''],
      ['a share with padding', { ...leuven, shares: [...leuven.shares.slice(0, 2), `${'A'.repeat(78)}==`] }, ''],
      ['an extra field', { ...leuven, plaintext: 'x' }, ''],
    ]
    for (const [name, args, message] of cases) {
      const res = await t.send(member(0), 'submitDealing', args)
      assert.equal(res.code, 'INVALID_ARGS', name)
      if (message) assert.equal(messageOf(res), message, name)
    }
  })

  it('refuses confirmations until everyone has dealt; then the log and the state hold ciphertexts only', async () => {
    assert.equal((await t.send(member(0), 'submitDealing', argsOf(dealings[0] as EncryptedDealing))).code, 'ok')
    assert.equal(
      (await t.send(member(0), 'submitDealing', argsOf(dealings[0] as EncryptedDealing))).code,
      'ALREADY_EXISTS',
    )
    const early = await t.send(member(0), 'confirmShares', { ballot: 'dkg' })
    assert.equal(early.code, 'CONFLICT')
    assert.equal(messageOf(early), 'waiting for dealings from gent, brugge')
    for (const i of [1, 2])
      assert.equal((await t.send(member(i), 'submitDealing', argsOf(dealings[i] as EncryptedDealing))).code, 'ok')
    const log = JSON.stringify(t.ledger.entries({ from: 0, limit: 1000 }))
    const state = JSON.stringify([
      t.ledger.state('ballots', 'ceremony/dkg'),
      ...IDS.map((id) => t.ledger.state('ballots', `shares/dkg/${id}`)),
    ])
    for (const d of dealings)
      for (const share of d.shares) {
        assert.equal(log.includes(share.secret), false, 'a plaintext share is in the log')
        assert.equal(state.includes(share.secret), false, 'a plaintext share is in the state')
      }
    assert.doesNotMatch(log, /"(secret|share)"/)
    assert.deepEqual(t.ledger.state('ballots', 'shares/dkg/gent'), (dealings[1] as EncryptedDealing).encryptedShares)
  })
})
