import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { nodeEngine } from '../node/nodeEngine.js'
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

  it('gives the same answers with nodeEngine (OpenSSL)', () => {
    const honest = encryptBudgetVote({ election, rule, choices: [1, 1, 1, 0], context: 'n-5' })
    verifyBudgetBallot({ election, rule, ballot: honest, engine: nodeEngine })
    const cheat = encryptBudgetVote({ election, rule: { ...rule, budget: 2_000_000 }, choices: [1, 1, 0, 1] })
    assert.throws(() => verifyBudgetBallot({ election, rule, ballot: cheat, engine: nodeEngine }), {
      code: 'INVALID_SUM_PROOF',
      details: { rule: 'budget' },
    })
    // The lower-bound proof of another ballot of the same voter: only the minimum rule breaks.
    const other = encryptBudgetVote({ election, rule, choices: [1, 0, 0, 1], context: 'n-5' })
    const swapped = { ...honest, budgetProof: { ...honest.budgetProof, lower: other.budgetProof.lower } }
    for (const engine of [undefined, nodeEngine]) {
      assert.throws(() => verifyBudgetBallot({ election, rule, ballot: swapped, ...(engine ? { engine } : {}) }), {
        code: 'INVALID_SUM_PROOF',
        message: 'the proof of the minimum rule does not verify',
        details: { rule: 'minimum' },
      })
    }
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
