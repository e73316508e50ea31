import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { p256 } from '@noble/curves/nist.js'
import { dealShares } from '@tabularium/voting'
import { type BallotsLedger, createIssuer, openBallotsLedger } from './testing/index.js'

const HOUR = 3_600_000

describe('the key ceremony refuses dealings that do not prove knowledge of their secret', () => {
  let t: BallotsLedger
  const question = { id: 'q', title: 'Q', type: 'single', options: ['a', 'b'].map((id) => ({ id, title: id })) }

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
      trustees: ['leuven', 'gent', 'brugge'],
      threshold: 2,
    }
    assert.equal((await t.send(t.members[0]!, 'createBallot', args)).code, 'ok')
  })
  after(() => t.close())

  const messageOf = (res: Awaited<ReturnType<BallotsLedger['send']>>) =>
    res.result.ok && res.result.outcome.status === 'rejected' ? res.result.outcome.message : ''

  it('refuses a proof made for another trustee, and a rogue first commitment; accepts an honest dealing', async () => {
    const [leuven, gent] = t.members as [BallotsLedger['members'][number], BallotsLedger['members'][number]]
    const honestGent = dealShares({ threshold: 2, trustees: 3, context: 'dkg/gent' })
    // Leuven replays Gent's proof as its own: bound to "dkg/gent", so it fails for "dkg/leuven".
    const replayed = await t.send(leuven, 'submitDealing', { ballot: 'dkg', ...pick(honestGent) })
    assert.equal(replayed.code, 'INVALID_ARGS')
    assert.equal(
      messageOf(replayed),
      'the dealing does not prove knowledge of its secret (a proof of knowledge of a_0 for dkg/leuven)',
    )
    // A rogue key: g^y minus Gent's constant term, so that the joint key would be g^y.
    const G = p256.Point.BASE
    const gentA0 = p256.Point.fromBytes(Buffer.from(honestGent.commitments[0]!, 'base64url'))
    const rogue = Buffer.from(G.multiply(12345n).subtract(gentA0).toBytes(false)).toString('base64url')
    const mine = dealShares({ threshold: 2, trustees: 3, context: 'dkg/leuven' })
    const commitments = [rogue, ...mine.commitments.slice(1)]
    const refused = await t.send(leuven, 'submitDealing', { ballot: 'dkg', commitments, proof: mine.proof })
    assert.equal(refused.code, 'INVALID_ARGS')
    assert.equal((await t.send(leuven, 'submitDealing', { ballot: 'dkg', ...pick(mine) })).code, 'ok')
    assert.equal((await t.send(gent, 'submitDealing', { ballot: 'dkg', ...pick(honestGent) })).code, 'ok')
  })
})

function pick(dealing: { commitments: string[]; proof?: unknown }) {
  return { commitments: dealing.commitments, proof: dealing.proof }
}
