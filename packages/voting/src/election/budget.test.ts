import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { dealShares } from '../trustees/dealShares.js'
import { encryptBudgetVote, verifyBudgetBallot } from './budget.js'
import type { ElectionParameters } from './electionParameters.js'
import { encryptVote } from './encryptVote.js'

const { commitments } = dealShares({ threshold: 1, trustees: 1 })
const election: ElectionParameters = {
  id: 'pb-2026/q1',
  publicKey: commitments[0] as string,
  options: 4,
  min: 1,
  max: 3,
}
const rule = { costs: [400_000, 350_000, 250_000, 600_000], budget: 1_000_000, minimum: 500_000 }

describe('participatory-budget proofs', () => {
  it('accepts choices within the budget and above the minimum (the bounds included), from public data alone', () => {
    const ballot = encryptBudgetVote({ election, rule, choices: [1, 1, 1, 0], context: 'n-1' })
    assert.equal(verifyBudgetBallot({ election, rule, ballot: JSON.parse(JSON.stringify(ballot)) }).length, 4)
    verifyBudgetBallot({
      election,
      rule,
      ballot: encryptBudgetVote({ election, rule, choices: [1, 0, 0, 1], context: 'n-2' }),
    })
    const free = { ...rule, minimum: 0 }
    verifyBudgetBallot({
      election,
      rule: free,
      ballot: encryptBudgetVote({ election, rule: free, choices: [0, 0, 1, 0] }),
    })
  })

  it('refuses to encrypt a choice over the budget or under the minimum, naming the rule', () => {
    assert.throws(() => encryptBudgetVote({ election, rule, choices: [1, 1, 0, 1] }), {
      code: 'INVALID_CHOICE',
      message: 'the selected projects cost 1350000, more than the budget of 1000000',
    })
    assert.throws(() => encryptBudgetVote({ election, rule, choices: [0, 0, 1, 0] }), {
      code: 'INVALID_CHOICE',
      message: 'the selected projects cost 250000, less than the minimum of 500000',
    })
  })

  it('rejects an over-budget ballot whatever proof it carries, with INVALID_SUM_PROOF and rule "budget"', () => {
    // The cheater encrypts an over-budget choice and proves it against a larger budget …
    const looser = { ...rule, budget: 2_000_000 }
    const cheat = encryptBudgetVote({ election, rule: looser, choices: [1, 1, 0, 1], context: 'n-3' })
    assert.throws(() => verifyBudgetBallot({ election, rule, ballot: cheat }), {
      code: 'INVALID_SUM_PROOF',
      details: { rule: 'budget' },
    })
    // … or borrows the proof of an honest ballot, or sends none.
    const honest = encryptBudgetVote({ election, rule, choices: [0, 1, 1, 0], context: 'n-3' })
    const plain = encryptVote({ election, choices: [1, 1, 0, 1], context: 'n-3' })
    assert.throws(() => verifyBudgetBallot({ election, rule, ballot: { ...plain, budgetProof: honest.budgetProof } }), {
      code: 'INVALID_SUM_PROOF',
    })
    assert.throws(() => verifyBudgetBallot({ election, rule, ballot: plain }), {
      code: 'INVALID_SUM_PROOF',
      message: /no proof/,
    })
  })

  it('refuses rules no ballot can meet', () => {
    assert.throws(() => encryptBudgetVote({ election, rule: { ...rule, costs: [1, 2] }, choices: [1, 0, 0, 0] }), {
      code: 'INVALID_PARAMETERS',
    })
    assert.throws(() => encryptBudgetVote({ election, rule: { ...rule, minimum: 2_000_000 }, choices: [1, 0, 0, 0] }), {
      code: 'INVALID_PARAMETERS',
    })
  })
})
