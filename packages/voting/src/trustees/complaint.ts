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
import { openShare, type ShareRoute } from './shareCipher.js'
import { verifyShare } from './verifyShare.js'

/**
 * A complaint against a dealer: the Diffie–Hellman point K of the route
 * dealer → complainer, revealed, with a Chaum–Pedersen proof that
 * log_g(E_complainer) = log_{E_dealer}(K) — so anyone can derive the route's
 * key, decrypt the share and judge it, and no one can accuse a dealer with
 * a made-up key.
 */
export type Complaint = { sharedKey: string; proof: { challenge: string; response: string } }

/**
 * Files a complaint about the share `dealer` encrypted for `complainer`,
 * with the complainer's ceremony secret. Revealing K exposes that route's
 * share and the reverse route's — both already known to whichever of the
 * two cheats, as when a dealer answers a complaint in the open (GJKR).
 *
 * @example const complaint = fileComplaint({ ballot: 'pb-2026', dealer: 'leuven', complainer: 'gent', secret, dealerKey })
 */
export function fileComplaint(p: {
  ballot: string
  dealer: string
  complainer: string
  secret: string
  dealerKey: string
  random?: RandomBytes
}): Complaint {
  const e = decodeScalar(p.secret, 'ceremony secret')
  const dealerKey = decodePoint(p.dealerKey, 'dealer key')
  const shared = dealerKey.multiply(e)
  const w = randomScalar(p.random ?? cryptoRandom)
  const points = [G.multiply(e), dealerKey, shared, G.multiply(w), dealerKey.multiply(w)]
  const c = challenge(p, points)
  return {
    sharedKey: encodePoint(shared),
    proof: { challenge: encodeScalar(c), response: encodeScalar(mod(w + c * e)) },
  }
}

/** A complaint's outcome: founded (the share is bad: the dealer is disqualified), or not (the share, now public). */
export type ComplaintVerdict =
  | { founded: true; reason: 'undecryptable' | 'invalid-share'; message: string }
  | { founded: false; share: KeyShare }

/**
 * Judges a complaint from public data alone: checks its proof, derives the
 * route's key from K, decrypts the share and checks it against the dealer's
 * commitments. Throws `MALFORMED_INPUT` for a complaint that cannot be
 * parsed and `INVALID_COMPLAINT` when its proof does not hold; otherwise
 * returns the verdict. `complaint` is hostile input; the rest comes from the
 * ledger's state.
 *
 * @example const verdict = judgeComplaint({ ballot, dealer, dealerKey, complainer, complainerKey, index, ciphertext, commitments, complaint })
 */
export function judgeComplaint(p: {
  ballot: string
  dealer: string
  dealerKey: string
  complainer: string
  complainerKey: string
  index: number
  ciphertext: string
  commitments: string[]
  complaint: unknown
}): ComplaintVerdict {
  const { sharedKey, proof } = (p.complaint ?? {}) as { sharedKey?: unknown; proof?: Record<string, unknown> }
  const shared = decodePoint(sharedKey, 'sharedKey')
  const c = decodeScalar(proof?.challenge, 'proof challenge')
  const s = decodeScalar(proof?.response, 'proof response')
  const complainerKey = decodePoint(p.complainerKey, 'complainer key')
  const dealerKey = decodePoint(p.dealerKey, 'dealer key')
  const negC = mod(ORDER - c)
  // A = g^s E_j^-c and B = E_i^s K^-c must be the commitments the challenge was computed over.
  const A = G.multiplyUnsafe(s).add(complainerKey.multiplyUnsafe(negC))
  const B = dealerKey.multiplyUnsafe(s).add(shared.multiplyUnsafe(negC))
  if (challenge(p, [complainerKey, dealerKey, shared, A, B]) !== c) {
    throw new VotingError(
      'INVALID_COMPLAINT',
      `the complaint does not prove the key shared by ${p.complainer} and ${p.dealer}`,
    )
  }
  return judgeShare({ ...p, shared })
}

function judgeShare(p: {
  ballot: string
  dealer: string
  complainer: string
  index: number
  ciphertext: string
  commitments: string[]
  shared: GroupPoint
}): ComplaintVerdict {
  const route: ShareRoute = { ballot: p.ballot, dealer: p.dealer, recipient: p.complainer }
  try {
    const share = {
      index: p.index,
      secret: encodeScalar(openShare({ point: p.shared, route, ciphertext: p.ciphertext })),
    }
    verifyShare({ share, commitments: p.commitments })
    return { founded: false, share }
  } catch (error) {
    if (!(error instanceof VotingError)) throw error
    const reason = error.code === 'INVALID_SHARE' ? 'invalid-share' : 'undecryptable'
    return { founded: true, reason, message: error.message }
  }
}

function challenge(route: { ballot: string; dealer: string; complainer: string }, points: GroupPoint[]): bigint {
  return hashToScalar([PROOF_DOMAINS.complaint, route.ballot, route.dealer, route.complainer, ...points])
}
