import assert from 'node:assert/strict'
import { constants, createPrivateKey, type JsonWebKey as NodeJwk, randomBytes, sign } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import type { Json } from '@tabularium/ledger'
import type { Token, TokenPrivateKey, TokenPublicKey } from '@tabularium/voting'
import { prepareBallot } from '../client/index.js'
import { answerStatement, markVerified, takeVerified, tokenStatement } from '../rules/prechecked.js'
import { electionOf } from '../rules/questions.js'
import { verifyAnswer } from '../rules/verifyAnswer.js'
import type { CastArgs } from '../schemas.js'
import { type BallotsLedger, createIssuer, ephemeralSigner, openBallotsLedger, runCeremony } from '../testing/index.js'
import type { QuestionDef } from '../types.js'
import { type CastPrecheckResult, castPrecheck } from './castPrecheck.js'
import { runPrecheck } from './castWorker.js'

const HOUR = 3_600_000
const question = {
  id: 'q',
  title: 'Q',
  type: 'approval',
  options: ['a', 'b', 'c'].map((id) => ({ id, title: id })),
}

// An RFC 9474 token is an RSASSA-PSS signature on the prepared message;
// signing it directly stands in for the blind issuance here.
function tokenOf(privateKey: TokenPrivateKey): Token {
  const message = randomBytes(64)
  const key = createPrivateKey({ key: privateKey.jwk as NodeJwk, format: 'jwk' })
  const signature = sign('sha384', message, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 48 })
  return { message: message.toString('base64url'), signature: signature.toString('base64url') }
}

describe('the cast precheck (tokens and proofs verified in the ledger worker threads)', () => {
  let t: BallotsLedger
  let issuer: { publicKey: TokenPublicKey; privateKey: TokenPrivateKey }
  let ballot: any
  const answers: CastPrecheckResult[] = []
  const accepted: CastArgs[] = []
  const accept = castPrecheck.accept

  before(async () => {
    // Records what the workers answered, then lets the real `accept` run.
    castPrecheck.accept = (args, job, result) => {
      answers.push(result as unknown as CastPrecheckResult)
      accepted.push(args)
      accept(args, job, result)
    }
    t = await openBallotsLedger({ verifierThreads: 1 })
    issuer = await createIssuer()
    const opens = new Date(t.now() + HOUR).toISOString()
    const closes = new Date(t.now() + 2 * HOUR).toISOString()
    const census = { kind: 'list' }
    const trustees = ['leuven', 'gent', 'brugge']
    const args = { id: 'pre', title: 'pre', questions: [question], opens, closes, census, trustees, threshold: 2 }
    assert.equal((await t.send(t.members[0]!, 'createBallot', { ...args, issuerKey: issuer.publicKey })).code, 'ok')
    await runCeremony(t, 'pre', 2)
    t.advance(HOUR + 1000)
    ballot = t.ledger.query('ballots', 'ballot', { id: 'pre' })
  })
  after(async () => {
    castPrecheck.accept = accept
    await t.close()
  })

  const prepare = (choices: number[]) =>
    prepareBallot({
      ballot,
      publicKey: ballot.ceremony.publicKey,
      token: tokenOf(issuer.privateKey),
      choices: [choices],
    })

  it('verifies an honest ballot in a worker, and the ledger accepts it', async () => {
    const res = await t.send(ephemeralSigner(), 'cast', prepare([1, 0, 1]))
    assert.equal(res.code, 'ok')
    assert.deepEqual(answers.at(-1), { token: true, answers: [true] })
    // The action executed the very objects the worker's answer marked, and used the marks up.
    const args = accepted.at(-1)!
    const election = electionOf('pre', ballot.questions[0] as QuestionDef, ballot.ceremony.publicKey)
    assert.equal(takeVerified(args.token, tokenStatement(issuer.publicKey)), false)
    assert.equal(takeVerified(args.answers[0]!, answerStatement(election, undefined)), false)
  })

  it('leaves a forged answer to the action, which refuses it with the reason', async () => {
    const args = prepare([0, 1, 0])
    const other = prepare([1, 0, 0])
    // Option 0's ciphertext and proof from another ballot: bound to another nullifier.
    const forged = {
      ...args.answers[0]!,
      ciphertexts: [other.answers[0]!.ciphertexts[0]!, ...args.answers[0]!.ciphertexts.slice(1)],
      optionProofs: [other.answers[0]!.optionProofs[0]!, ...args.answers[0]!.optionProofs.slice(1)],
    }
    const res = await t.send(ephemeralSigner(), 'cast', { ...args, answers: [forged] })
    assert.deepEqual(answers.at(-1), { token: true, answers: [false] })
    assert.equal(res.code, 'INVALID_BALLOT')
    assert.equal(
      res.result.ok && res.result.outcome.status === 'rejected' ? res.result.outcome.message : '',
      'question q: the proof that option 0 encrypts 0 or 1 does not verify',
    )
  })

  it('leaves a token of another issuer to the action: INVALID_TOKEN', async () => {
    const stranger = await createIssuer()
    const args = prepareBallot({
      ballot,
      publicKey: ballot.ceremony.publicKey,
      token: tokenOf(stranger.privateKey),
      choices: [[0, 0, 1]],
    })
    const res = await t.send(ephemeralSigner(), 'cast', args)
    assert.deepEqual(answers.at(-1), { token: false, answers: [true] })
    assert.equal(res.code, 'INVALID_TOKEN')
  })

  it('runPrecheck says which parts hold; it never throws', () => {
    const args = prepare([1, 1, 0])
    const election = electionOf('pre', ballot.questions[0] as QuestionDef, ballot.ceremony.publicKey)
    const job = {
      issuerKey: issuer.publicKey,
      token: args.token,
      answers: [{ election, rule: null, answer: args.answers[0] }],
    }
    assert.deepEqual(runPrecheck(job as unknown as Json), { token: true, answers: [true] })
    const garbage = { ...job, token: { message: '!', signature: '' }, answers: [{ election, rule: null, answer: 'x' }] }
    assert.deepEqual(runPrecheck(garbage as unknown as Json), { token: false, answers: [false] })
  })

  it('an answer counts as verified only once, and only for the statement it was verified against', () => {
    const args = prepare([0, 1, 1])
    const answer = args.answers[0]!
    const election = electionOf('pre', ballot.questions[0] as QuestionDef, ballot.ceremony.publicKey)
    const statement = answerStatement(election, undefined)
    markVerified(answer, statement)
    assert.equal(takeVerified(answer, answerStatement({ ...election, max: 2 }, undefined)), false)
    assert.equal(takeVerified(answer, statement), true)
    assert.equal(takeVerified(answer, statement), false)
    // What is skipped is exactly what a worker proved: a mark on a broken answer is trusted, so
    // only `accept` (with a worker's answer) may mark.
    const broken = { ...answer, optionProofs: [] }
    markVerified(broken, statement)
    verifyAnswer({ election, rule: undefined, answer: broken })
    assert.throws(() => verifyAnswer({ election, rule: undefined, answer: broken }), { code: 'MALFORMED_INPUT' })
  })
})
