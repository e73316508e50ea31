import { jsEngine, type VotingEngine } from '../engine/votingEngine.js'
import { VotingError } from '../errors.js'
import type { TranscriptPart } from '../proofs/challenge.js'
import { addMembership, type CiphertextTerm, type MembershipProof, proveMembership } from '../proofs/membership.js'
import { createProofBatch, type ProofBatch } from '../proofs/proofBatch.js'
import type { EncryptedBallot } from './ballot.js'
import {
  type Ciphertext,
  type CiphertextPoints,
  decodeCiphertext,
  type EncodedCiphertext,
  encodeCiphertext,
  encodedCiphertextOf,
  encryptPoints,
  readCiphertext,
} from './ciphertext.js'
import { assertElectionParameters, type ElectionParameters, encodedPublicKey } from './electionParameters.js'
import { encryptVote } from './encryptVote.js'
import { cryptoRandom, type EncodedPoint, type GroupPoint, mod, type RandomBytes, randomScalar } from './group.js'
import { addBallotProofs } from './verifyBallot.js'

// Participatory-budget rule on an encrypted ballot (Decidim: the selected
// projects must cost at most the budget, and at least a minimum when one is
// set). The option ciphertexts C_i encrypt x_i ∈ {0,1}; the cost-weighted sum
// W = Σ w_i·C_i encrypts Σ w_i x_i. A range proof by bit decomposition shows
// that the slack (budget − Σ w_i x_i, and Σ w_i x_i − minimum) is a sum of
// encrypted bits: each bit proved 0/1 (CDS'94), and the weighted sum of the
// bits plus ±W proved, with one Chaum–Pedersen branch, to encrypt the known
// bound. Everything is small and non-negative, so no wrap-around mod q can
// hide an overspend. Costs are divided by their gcd with the bounds first,
// so budgets in round units need few bits.

const DOMAIN = 'tabularium/voting/v2/budget'

/** The budget rule of a question: one cost per option, the total allowed, an optional minimum spend. */
export type BudgetRule = { costs: number[]; budget: number; minimum?: number }

/** A range proof: encrypted bits of a slack, a 0/1 proof each, and the proof that they add up. */
export type SlackProof = { bits: Ciphertext[]; bitProofs: MembershipProof[]; sum: MembershipProof }

/** A participatory-budget ballot: an encrypted ballot plus its budget proofs. */
export type BudgetBallot = EncryptedBallot & { budgetProof: { upper: SlackProof; lower?: SlackProof } }

type Scaled = { weights: bigint[]; budget: bigint; minimum: bigint; bits: number }

/** Largest budget, in units of the costs' gcd (2^40: 41 bit proofs at most). */
const MAX_SCALED = 2n ** 40n

/**
 * Checks a budget rule and scales it by the gcd of costs and bounds.
 * `INVALID_PARAMETERS` for a rule no ballot could satisfy or that is too fine-grained.
 *
 * @example scaleBudgetRule({ costs: [300_000, 500_000], budget: 1_000_000 }, 2)
 */
export function scaleBudgetRule(rule: BudgetRule, options: number): Scaled {
  const { costs, budget, minimum = 0 } = rule ?? ({} as BudgetRule)
  const ints = [budget, minimum, ...(Array.isArray(costs) ? costs : [])]
  if (!Array.isArray(costs) || costs.length !== options || !ints.every((v) => Number.isSafeInteger(v) && v >= 0)) {
    throw new VotingError('INVALID_PARAMETERS', `need ${options} non-negative integer costs and integer bounds`)
  }
  if (minimum > budget) throw new VotingError('INVALID_PARAMETERS', 'the minimum spend is above the budget')
  const g = ints.map(BigInt).reduce(gcd, 0n) || 1n
  const scaled = { weights: costs.map((c) => BigInt(c) / g), budget: BigInt(budget) / g, minimum: BigInt(minimum) / g }
  if (scaled.budget >= MAX_SCALED) throw new VotingError('INVALID_PARAMETERS', 'the budget is too fine-grained')
  return { ...scaled, bits: Math.max(1, scaled.budget.toString(2).length) }
}

/**
 * Encrypts a participatory-budget choice with its proofs; a choice that breaks
 * the rules is refused before anything is encrypted, with `INVALID_CHOICE`
 * and a message naming the rule.
 *
 * @example encryptBudgetVote({ election, rule: { costs, budget: 1_000_000 }, choices: [1, 0, 1], context })
 */
export function encryptBudgetVote(params: {
  election: ElectionParameters
  rule: BudgetRule
  choices: number[]
  context?: string
  random?: RandomBytes
}): BudgetBallot {
  const { election, rule, choices, context = '', random = cryptoRandom } = params
  const publicKey = assertElectionParameters(election)
  const scaled = scaleBudgetRule(rule, election.options)
  assertWithinBudget(rule, choices)
  // encryptVote draws each option's nonce first, through `random`; recording
  // those draws gives the nonces the weighted sum needs, without a second copy
  // of the encryption code.
  const draws: Uint8Array[] = []
  const recorder: RandomBytes = (n) => {
    const bytes = random(n)
    draws.push(bytes)
    return bytes
  }
  const ballot = encryptVote({ election, choices, context, random: recorder })
  const nonces = draws.slice(0, election.options).map((b) => mod(bytesToBig(b)))
  const points = ballot.ciphertexts.map((c) => decodeCiphertext(c))
  const options = points.map((ct, i) => encodedCiphertextOf(ct, `ciphertexts[${i}]`))
  assertNonces(points, nonces, publicKey, choices)
  const total = choices.reduce((a, c, i) => a + BigInt(c) * (scaled.weights[i] as bigint), 0n)
  const rw = mod(nonces.reduce((a, r, i) => a + r * (scaled.weights[i] as bigint), 0n))
  const t = (side: string) => transcript(election, context, scaled, side)
  const upper = proveSlack({
    publicKey,
    options,
    weights: scaled.weights,
    sign: 1n,
    bound: scaled.budget,
    slack: scaled.budget - total,
    rw,
    bits: scaled.bits,
    transcript: t('upper'),
    random,
  })
  if (scaled.minimum === 0n) return { ...ballot, budgetProof: { upper } }
  const lower = proveSlack({
    publicKey,
    options,
    weights: scaled.weights,
    sign: -1n,
    bound: -scaled.minimum,
    slack: total - scaled.minimum,
    rw,
    bits: scaled.bits,
    transcript: t('lower'),
    random,
  })
  return { ...ballot, budgetProof: { upper, lower } }
}

/**
 * Verifies a participatory-budget ballot from public data: `verifyBallot`
 * (0/1 per project, number of projects in [min, max]) and the budget proofs,
 * which fail with `INVALID_SUM_PROOF` and `details.rule` = 'budget' or
 * 'minimum'; all in one batch. Returns the ballot's ciphertexts.
 *
 * @example const ciphertexts = verifyBudgetBallot({ election, rule, ballot })
 */
export function verifyBudgetBallot(params: {
  election: ElectionParameters
  rule: BudgetRule
  ballot: unknown
  engine?: VotingEngine
  random?: RandomBytes
}): Ciphertext[] {
  const { election, rule, engine = jsEngine, random } = params
  const scaled = scaleBudgetRule(rule, election.options)
  const batch = createProofBatch({ engine, ...(random === undefined ? {} : { random }) })
  const { ballot, ciphertexts } = addBallotProofs(batch, election, params.ballot)
  const proofs = ((ballot as BudgetBallot).budgetProof ?? {}) as BudgetBallot['budgetProof']
  const common = { batch, publicKey: encodedPublicKey(election), options: ciphertexts, scaled }
  const t = (side: string) => transcript(election, ballot.context, scaled, side)
  addSlack({ ...common, sign: 1n, bound: scaled.budget, proof: proofs.upper, transcript: t('upper'), rule: 'budget' })
  if (scaled.minimum > 0n) {
    const lower = { sign: -1n, bound: -scaled.minimum, proof: proofs.lower, transcript: t('lower') }
    addSlack({ ...common, ...lower, rule: 'minimum' })
  }
  batch.check()
  return ballot.ciphertexts
}

/** Throws `INVALID_CHOICE` with the rule's wording when the projects cost more than the budget or less than the minimum. */
export function assertWithinBudget(rule: BudgetRule, choices: number[]): void {
  const cost = choices.reduce((a, c, i) => a + (c === 1 ? (rule.costs[i] ?? 0) : 0), 0)
  if (cost > rule.budget) {
    throw new VotingError(
      'INVALID_CHOICE',
      `the selected projects cost ${cost}, more than the budget of ${rule.budget}`,
      {
        details: { rule: 'budget', cost, budget: rule.budget },
      },
    )
  }
  const minimum = rule.minimum ?? 0
  if (cost < minimum) {
    throw new VotingError('INVALID_CHOICE', `the selected projects cost ${cost}, less than the minimum of ${minimum}`, {
      details: { rule: 'minimum', cost, minimum },
    })
  }
}

type SlackStatement = { sign: bigint; bound: bigint; transcript: TranscriptPart[] }

// Proves Σ 2^j·bit_j + sign·(Σ w_i x_i) = bound, i.e. slack = bound − sign·total ∈ [0, 2^bits).
function proveSlack(
  p: SlackStatement & {
    publicKey: GroupPoint
    options: EncodedCiphertext[]
    weights: bigint[]
    bits: number
    slack: bigint
    rw: bigint
    random: RandomBytes
  },
): SlackProof {
  const bitValues = Array.from({ length: p.bits }, (_, j) => (p.slack >> BigInt(j)) & 1n)
  const nonces = bitValues.map(() => randomScalar(p.random))
  const points = bitValues.map((b, j) =>
    encryptPoints({ publicKey: p.publicKey, message: b, nonce: nonces[j] as bigint }),
  )
  const bits = points.map((ct, j) => encodedCiphertextOf(ct, `bits[${j}]`))
  const bitProofs = points.map((_, j) =>
    proveMembership({
      publicKey: p.publicKey,
      terms: [{ ...(bits[j] as EncodedCiphertext), k: 1n }],
      values: [0n, 1n],
      value: bitValues[j] as bigint,
      nonce: nonces[j] as bigint,
      transcript: [...p.transcript, `bit/${j}`],
      random: p.random,
    }),
  )
  const nonce = mod(nonces.reduce((a, r, j) => a + (r << BigInt(j)), 0n) + p.sign * p.rw)
  const sum = proveMembership({
    publicKey: p.publicKey,
    terms: slackTerms(bits, p.options, p.weights, p.sign),
    values: [mod(p.bound)],
    value: mod(p.bound),
    nonce,
    transcript: [...p.transcript, 'sum'],
    random: p.random,
  })
  return { bits: points.map(encodeCiphertext), bitProofs, sum }
}

// Adds a slack proof's equations: each bit is 0 or 1, and Σ 2^j·bit_j + sign·W
// encrypts the bound (W = Σ w_i·C_i, named by its terms, never computed).
function addSlack(
  p: SlackStatement & {
    batch: ProofBatch
    publicKey: EncodedPoint
    options: EncodedCiphertext[]
    scaled: Scaled
    proof: unknown
    rule: string
  },
): void {
  const proof = p.proof as SlackProof | undefined
  const fail = (message: string) => new VotingError('INVALID_SUM_PROOF', message, { details: { rule: p.rule } })
  if (typeof proof !== 'object' || proof === null || !Array.isArray(proof.bits) || !Array.isArray(proof.bitProofs)) {
    throw fail(`the ballot has no proof for the ${p.rule} rule`)
  }
  const n = p.scaled.bits
  if (proof.bits.length !== n || proof.bitProofs.length !== n) throw fail(`the ${p.rule} proof must hold ${n} bits`)
  const what = `budgetProof.${p.sign > 0n ? 'upper' : 'lower'}`
  const bits = proof.bits.map((b, j) => readCiphertext(b, `${what}.bits[${j}]`))
  const failure = {
    code: 'INVALID_SUM_PROOF' as const,
    message: `the proof of the ${p.rule} rule does not verify`,
    details: { rule: p.rule },
  }
  const common = { publicKey: p.publicKey }
  bits.forEach((bit, j) => {
    const statement = { terms: [{ ...bit, k: 1n }], values: [0n, 1n], transcript: [...p.transcript, `bit/${j}`] }
    addMembership(
      p.batch,
      { ...common, ...statement, proof: proof.bitProofs[j], what: `${what}.bitProofs[${j}]` },
      failure,
    )
  })
  const terms = slackTerms(bits, p.options, p.scaled.weights, p.sign)
  const statement = { terms, values: [mod(p.bound)], transcript: [...p.transcript, 'sum'] }
  addMembership(p.batch, { ...common, ...statement, proof: proof.sum, what: `${what}.sum` }, failure)
}

// Σ 2^j·bit_j + sign·Σ w_i·C_i as proof terms (zero weights left out, by prover and verifier alike).
function slackTerms(
  bits: EncodedCiphertext[],
  options: EncodedCiphertext[],
  weights: bigint[],
  sign: bigint,
): CiphertextTerm[] {
  const terms: CiphertextTerm[] = bits.map((bit, j) => ({ ...bit, k: 1n << BigInt(j) }))
  options.forEach((option, i) => {
    const w = weights[i] as bigint
    if (w !== 0n) terms.push({ ...option, k: mod(sign * w) })
  })
  return terms
}

function transcript(election: ElectionParameters, context: string, s: Scaled, side: string): TranscriptPart[] {
  return [
    DOMAIN,
    election.id,
    election.publicKey,
    context,
    `weights/${s.weights.join(',')}`,
    `bounds/${s.minimum}..${s.budget}`,
    side,
  ]
}

// Guards the recorded-nonce shortcut: if encryptVote ever draws differently,
// this fails loudly instead of producing a proof that cannot verify.
function assertNonces(points: CiphertextPoints[], nonces: bigint[], publicKey: GroupPoint, choices: number[]): void {
  const ok = points.every((p, i) =>
    encryptPoints({ publicKey, message: BigInt(choices[i] as number), nonce: nonces[i] as bigint }).a.equals(p.a),
  )
  if (!ok) throw new VotingError('INVALID_PARAMETERS', 'internal: option nonces could not be recovered')
}

function bytesToBig(bytes: Uint8Array): bigint {
  let v = 0n
  for (const b of bytes) v = (v << 8n) | BigInt(b)
  return v
}

function gcd(a: bigint, b: bigint): bigint {
  return b === 0n ? a : gcd(b, a % b)
}
