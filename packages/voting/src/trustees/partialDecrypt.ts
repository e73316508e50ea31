import { type Ciphertext, decodeCiphertext } from '../election/ciphertext.js'
import { assertElectionParameters, type ElectionParameters } from '../election/electionParameters.js'
import {
  cryptoRandom,
  decodePoint,
  decodeScalar,
  encodePoint,
  encodeScalar,
  G,
  type GroupPoint,
  mod,
  ORDER,
  type RandomBytes,
  randomScalar,
} from '../election/group.js'
import { VotingError } from '../errors.js'
import { hashToScalar, PROOF_DOMAINS } from '../proofs/challenge.js'
import type { KeyShare } from './dealShares.js'
import { assertIndex, trusteeVerificationKey } from './verifyShare.js'

/** A Chaum–Pedersen proof (challenge, response) of equal discrete logs. */
export type EqualityProof = { challenge: string; response: string }

/** Trustee i's decryption share α_k^s_i of each tallied ciphertext, each with its proof. */
export type PartialDecryption = { index: number; shares: { point: string; proof: EqualityProof }[] }

/**
 * A trustee's share of the decryption of the tally: D_k = α_k^s_i for each
 * ciphertext, with a Chaum–Pedersen proof that log_g h_i = log_α D_k, so a
 * trustee who publishes a wrong share is caught (`verifyDecryption`).
 *
 * @example const partial = partialDecrypt({ election, tally, share })
 */
export function partialDecrypt(params: {
  election: ElectionParameters
  tally: Ciphertext[]
  share: KeyShare
  random?: RandomBytes
}): PartialDecryption {
  const { election, tally, share, random = cryptoRandom } = params
  assertElectionParameters(election)
  assertIndex(share.index)
  const secret = decodeScalar(share.secret, 'share secret')
  const h = G.multiply(secret)
  const shares = tally.map((ct, k) => {
    const { a } = decodeCiphertext(ct, `tally[${k}]`)
    const d = a.multiply(secret)
    const w = randomScalar(random)
    const c = challenge(election, share.index, h, a, d, G.multiply(w), a.multiply(w))
    return { point: encodePoint(d), proof: { challenge: encodeScalar(c), response: encodeScalar(mod(w + c * secret)) } }
  })
  return { index: share.index, shares }
}

/**
 * Verifies a partial decryption against the trustee's verification key,
 * derived from the public Feldman commitments. Throws
 * `INVALID_DECRYPTION_PROOF` for a wrong share and `MALFORMED_INPUT` for one
 * that cannot be parsed. Returns the parsed decryption shares.
 *
 * @example verifyDecryption({ election, tally, partial, commitments })
 */
export function verifyDecryption(params: {
  election: ElectionParameters
  tally: Ciphertext[]
  partial: PartialDecryption
  commitments: string[]
}): GroupPoint[] {
  const { election, tally, partial, commitments } = params
  assertElectionParameters(election)
  if (
    typeof partial !== 'object' ||
    partial === null ||
    !Array.isArray(partial.shares) ||
    partial.shares.length !== tally.length
  ) {
    throw new VotingError('MALFORMED_INPUT', `a partial decryption must hold ${tally.length} shares`)
  }
  const h = trusteeVerificationKey({ index: partial.index, commitments })
  return partial.shares.map((s, k) => {
    const { a } = decodeCiphertext(tally[k], `tally[${k}]`)
    const d = decodePoint(s?.point, `shares[${k}].point`)
    const c = decodeScalar(s.proof?.challenge, 'proof challenge')
    const r = decodeScalar(s.proof?.response, 'proof response')
    const negC = mod(ORDER - c)
    // A = g^r h^-c and B = α^r D^-c must be the commitments the challenge was computed over.
    const A = G.multiplyUnsafe(r).add(h.multiplyUnsafe(negC))
    const B = a.multiplyUnsafe(r).add(d.multiplyUnsafe(negC))
    if (challenge(election, partial.index, h, a, d, A, B) !== c) {
      throw new VotingError('INVALID_DECRYPTION_PROOF', `trustee ${partial.index}'s share ${k} does not verify`, {
        details: { index: partial.index, ciphertext: k },
      })
    }
    return d
  })
}

function challenge(election: ElectionParameters, index: number, ...points: GroupPoint[]): bigint {
  return hashToScalar([PROOF_DOMAINS.decryption, election.id, election.publicKey, `trustee/${index}`, ...points])
}
