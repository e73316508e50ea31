import { cryptoRandom, decodePoint, decodeScalar, encodeScalar, type RandomBytes } from '../election/group.js'
import { VotingError } from '../errors.js'
import type { DealerProof } from './dealerProof.js'
import { type Dealing, dealShares, type KeyShare } from './dealShares.js'
import { openShare, sealShare } from './shareCipher.js'
import { verifyShare } from './verifyShare.js'

/** A trustee of a ceremony: its id (the member id) and its registered ceremony key E (base64url SEC1). */
export type CeremonyTrustee = { id: string; key: string }

/** A dealing whose shares are also encrypted, one per trustee in order, for the ledger. */
export type EncryptedDealing = Dealing & { proof: DealerProof; encryptedShares: string[] }

/**
 * Deals as `dealShares` does, for `<ballot>/<dealer>`, and encrypts share j
 * to trustee j's ceremony key with the dealer's ceremony secret
 * (`sealShare`), so the shares travel on the ledger and anyone can later
 * judge a complaint about one (`judgeComplaint`). Publish `commitments`,
 * `proof` and `encryptedShares`; keep `shares` (plaintext) to yourself.
 *
 * @example const d = dealEncryptedShares({ ballot: 'pb-2026', dealer: 'leuven', secret: key.secret, threshold: 2, trustees })
 */
export function dealEncryptedShares(p: {
  ballot: string
  dealer: string
  secret: string
  threshold: number
  trustees: CeremonyTrustee[]
  random?: RandomBytes
}): EncryptedDealing {
  const { ballot, dealer, trustees, random = cryptoRandom } = p
  const e = decodeScalar(p.secret, 'ceremony secret')
  const recipients = trustees.map((t, j) => ({ id: t.id, point: decodePoint(t.key, `trustees[${j}].key`) }))
  const dealing = dealShares({
    threshold: p.threshold,
    trustees: trustees.length,
    context: `${ballot}/${dealer}`,
    random,
  })
  const encryptedShares = recipients.map((t, j) =>
    sealShare({
      point: t.point.multiply(e),
      route: { ballot, dealer, recipient: t.id },
      secret: decodeScalar(dealing.shares[j]?.secret),
      random,
    }),
  )
  return { ...dealing, proof: dealing.proof as DealerProof, encryptedShares }
}

/**
 * Decrypts the share `dealer` encrypted for `recipient` (trustee `index`)
 * with the recipient's ceremony secret. Throws `UNDECRYPTABLE_SHARE`,
 * `INVALID_SHARE` or `MALFORMED_INPUT` (see `openShare`); check the result
 * with `verifyShare` before trusting it.
 *
 * @example const share = decryptShare({ ballot, dealer: 'leuven', recipient: 'gent', index: 2, secret, dealerKey, ciphertext })
 */
export function decryptShare(p: {
  ballot: string
  dealer: string
  recipient: string
  index: number
  secret: string
  dealerKey: string
  ciphertext: unknown
}): KeyShare {
  const point = decodePoint(p.dealerKey, 'dealer key').multiply(decodeScalar(p.secret, 'ceremony secret'))
  const route = { ballot: p.ballot, dealer: p.dealer, recipient: p.recipient }
  return { index: p.index, secret: encodeScalar(openShare({ point, route, ciphertext: p.ciphertext })) }
}

/** One dealer's part for a recipient, as the ledger shows it (`encryptedShares` query). */
export type ReceivedDealing = { dealer: string; key: string; commitments: string[]; ciphertext: string }

/** What a trustee found in the shares it received: the good ones, and the dealers to complain about. */
export type ReceivedShares = {
  shares: Record<string, KeyShare>
  bad: { dealer: string; code: string; message: string }[]
}

/**
 * Decrypts and verifies (`verifyShare`) every share a trustee received; a
 * share that does not decrypt or does not match its dealer's commitments is
 * listed in `bad`, for a complaint (`fileComplaint`). Once the key is fixed,
 * the trustee's share of the election key is `sumShares` of the shares of
 * the qualified dealers.
 *
 * @example const { shares, bad } = openReceivedShares({ ballot, recipient: 'gent', index: 2, secret, dealings })
 */
export function openReceivedShares(p: {
  ballot: string
  recipient: string
  index: number
  secret: string
  dealings: ReceivedDealing[]
}): ReceivedShares {
  decodeScalar(p.secret, 'ceremony secret') // one's own key is no dealer's fault: throw, do not complain
  const out: ReceivedShares = { shares: {}, bad: [] }
  for (const d of p.dealings) {
    try {
      const share = decryptShare({ ...p, dealer: d.dealer, dealerKey: d.key, ciphertext: d.ciphertext })
      verifyShare({ share, commitments: d.commitments })
      out.shares[d.dealer] = share
    } catch (error) {
      if (!(error instanceof VotingError)) throw error
      out.bad.push({ dealer: d.dealer, code: error.code, message: error.message })
    }
  }
  return out
}
