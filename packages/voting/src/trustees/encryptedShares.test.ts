import assert from 'node:assert/strict'
import { createCipheriv, createECDH, hkdfSync } from 'node:crypto'
import { describe, it } from 'node:test'
import { encodeBase64Url } from '../election/base64url.js'
import { decodeScalar, encodeScalar, scalarBytes } from '../election/group.js'
import { transcriptBytes } from '../proofs/challenge.js'
import { createCeremonyKey, verifyCeremonyKey } from './ceremonyKey.js'
import { fileComplaint, judgeComplaint } from './complaint.js'
import { type CeremonyTrustee, dealEncryptedShares, decryptShare, openReceivedShares } from './encryptedDealing.js'
import { combineDealings, sumShares, verifyShare } from './verifyShare.js'

const BALLOT = 'pb-2026'
const IDS = ['leuven', 'gent', 'brugge']

// Each trustee's ceremony key, then each one's encrypted dealing to all three.
const keys = IDS.map((id) => createCeremonyKey({ context: `${BALLOT}/${id}` }))
const trustees: CeremonyTrustee[] = IDS.map((id, j) => ({ id, key: keys[j]?.publicKey as string }))
const deal = (dealer: number) =>
  dealEncryptedShares({
    ballot: BALLOT,
    dealer: IDS[dealer] as string,
    secret: keys[dealer]?.secret as string,
    threshold: 2,
    trustees,
  })
const dealings = IDS.map((_, i) => deal(i))

const received = (j: number, ciphertexts = dealings.map((d) => d.encryptedShares[j] as string)) =>
  openReceivedShares({
    ballot: BALLOT,
    recipient: IDS[j] as string,
    index: j + 1,
    secret: keys[j]?.secret as string,
    dealings: IDS.map((dealer, i) => ({
      dealer,
      key: trustees[i]?.key as string,
      commitments: dealings[i]?.commitments as string[],
      ciphertext: ciphertexts[i] as string,
    })),
  })

const judge = (dealer: number, complainer: number, complaint: unknown, ciphertext?: string) =>
  judgeComplaint({
    ballot: BALLOT,
    dealer: IDS[dealer] as string,
    dealerKey: trustees[dealer]?.key as string,
    complainer: IDS[complainer] as string,
    complainerKey: trustees[complainer]?.key as string,
    index: complainer + 1,
    ciphertext: ciphertext ?? (dealings[dealer]?.encryptedShares[complainer] as string),
    commitments: dealings[dealer]?.commitments as string[],
    complaint,
  })

const complain = (dealer: number, complainer: number) =>
  fileComplaint({
    ballot: BALLOT,
    dealer: IDS[dealer] as string,
    complainer: IDS[complainer] as string,
    secret: keys[complainer]?.secret as string,
    dealerKey: trustees[dealer]?.key as string,
  })

describe('ceremony keys', () => {
  it('verify for their ballot and trustee only', () => {
    verifyCeremonyKey({ publicKey: keys[1]?.publicKey, proof: keys[1]?.proof, context: 'pb-2026/gent' })
    for (const context of ['pb-2026/leuven', 'pb-2027/gent']) {
      assert.throws(() => verifyCeremonyKey({ publicKey: keys[1]?.publicKey, proof: keys[1]?.proof, context }), {
        code: 'INVALID_CEREMONY_KEY',
        message: 'the ceremony key does not come with a proof that its holder knows it',
      })
    }
    // Another trustee's key with one's own proof: the proof is about the other point.
    assert.throws(
      () => verifyCeremonyKey({ publicKey: keys[0]?.publicKey, proof: keys[1]?.proof, context: 'pb-2026/gent' }),
      {
        code: 'INVALID_CEREMONY_KEY',
      },
    )
    for (const [publicKey, proof] of [
      ['AAAA', keys[1]?.proof],
      [keys[1]?.publicKey, { challenge: 1, response: 'x' }],
      [keys[1]?.publicKey, undefined],
    ]) {
      assert.throws(() => verifyCeremonyKey({ publicKey, proof, context: 'pb-2026/gent' }), { code: 'MALFORMED_INPUT' })
    }
  })
})

describe('encrypted shares (ECDH, HKDF-SHA256, ChaCha20-Poly1305)', () => {
  it('give every trustee valid shares whose sum is its share of the joint key', () => {
    const joint = combineDealings({ commitments: dealings.map((d) => d.commitments) }).commitments
    for (const j of [0, 1, 2]) {
      const { shares, bad } = received(j)
      assert.deepEqual(bad, [])
      assert.deepEqual(shares.gent, dealings[1]?.shares[j])
      verifyShare({ share: sumShares(Object.values(shares)), commitments: joint })
    }
  })

  it('equal node:crypto’s ECDH, HKDF and ChaCha20-Poly1305 byte for byte', () => {
    const nonce = Uint8Array.from({ length: 12 }, (_, i) => i + 1)
    const sealed = dealEncryptedShares({
      ballot: BALLOT,
      dealer: 'leuven',
      secret: keys[0]?.secret as string,
      threshold: 1,
      trustees: [trustees[1] as CeremonyTrustee],
      random: (n) => (n === 12 ? nonce : new Uint8Array(n).fill(7)),
    })
    const ecdh = createECDH('prime256v1')
    ecdh.setPrivateKey(scalarBytes(decodeScalar(keys[0]?.secret)))
    const ikm = ecdh.computeSecret(Buffer.from(trustees[1]?.key as string, 'base64url'))
    const route = transcriptBytes(['tabularium/voting/v1/share', BALLOT, 'leuven', 'gent'])
    const key = Buffer.from(hkdfSync('sha256', ikm, 'tabularium/voting/v1/share', route, 32))
    const plain = Buffer.from(sealed.shares[0]?.secret as string, 'base64url')
    const cipher = createCipheriv('chacha20-poly1305', key, nonce, { authTagLength: 16 }).setAAD(route, {
      plaintextLength: 32,
    })
    const expected = Buffer.concat([nonce, cipher.update(plain), cipher.final(), cipher.getAuthTag()])
    assert.equal(sealed.encryptedShares[0], encodeBase64Url(expected))
  })

  it('list a tampered, misrouted or wrongly-valued share as bad, for a complaint', () => {
    const flipped = Buffer.from(dealings[0]?.encryptedShares[1] as string, 'base64url')
    flipped[20] = (flipped[20] as number) ^ 1
    // Leuven's share for Brugge, sent as Gent's: bound to another recipient, it does not decrypt.
    const misrouted = dealings[2]?.encryptedShares[2] as string
    const wrong = deal(2).encryptedShares[1] as string // a well-encrypted share of another polynomial
    const { bad } = received(1, [flipped.toString('base64url'), dealings[1]?.encryptedShares[1] as string, wrong])
    assert.deepEqual(
      bad.map((b) => [b.dealer, b.code]),
      [
        ['leuven', 'UNDECRYPTABLE_SHARE'],
        ['brugge', 'INVALID_SHARE'],
      ],
    )
    assert.equal(
      received(1, [misrouted, ...dealings.slice(1).map((d) => d.encryptedShares[1] as string)]).bad[0]?.code,
      'UNDECRYPTABLE_SHARE',
    )
  })

  it('refuse malformed ciphertexts and one’s own malformed secret with MALFORMED_INPUT', () => {
    const base = {
      ballot: BALLOT,
      dealer: 'leuven',
      recipient: 'gent',
      index: 2,
      dealerKey: trustees[0]?.key as string,
    }
    for (const ciphertext of ['', 'A'.repeat(79), 'A'.repeat(81), `${'A'.repeat(79)}+`, 42, null]) {
      assert.throws(() => decryptShare({ ...base, secret: keys[1]?.secret as string, ciphertext }), {
        code: 'MALFORMED_INPUT',
      })
    }
    assert.throws(
      () => openReceivedShares({ ballot: BALLOT, recipient: 'gent', index: 2, secret: 'nope', dealings: [] }),
      {
        code: 'MALFORMED_INPUT',
      },
    )
  })
})

describe('complaints (Chaum–Pedersen proof of the shared key)', () => {
  it('are founded for a share that does not decrypt or does not verify, and unfounded for a good one', () => {
    const flipped = Buffer.from(dealings[0]?.encryptedShares[1] as string, 'base64url')
    flipped[30] = (flipped[30] as number) ^ 0x80
    assert.deepEqual(judge(0, 1, complain(0, 1), flipped.toString('base64url')), {
      founded: true,
      reason: 'undecryptable',
      message: 'the share from leuven to gent does not decrypt',
    })
    const wrong = deal(2).encryptedShares[1] as string
    assert.equal((judge(2, 1, complain(2, 1), wrong) as { reason: string }).reason, 'invalid-share')
    assert.deepEqual(judge(0, 1, complain(0, 1)), { founded: false, share: dealings[0]?.shares[1] })
  })

  it('refuse a proof that does not hold: another trustee’s, a made-up key, a tampered response', () => {
    const honest = complain(0, 1)
    const brugges = complain(0, 2) // Brugge's key with Leuven, presented as Gent's
    const madeUp = { ...honest, sharedKey: keys[2]?.publicKey as string }
    const s = decodeScalar(honest.proof.response)
    const tampered = { ...honest, proof: { ...honest.proof, response: encodeScalar(s === 1n ? 2n : s - 1n) } }
    for (const complaint of [brugges, madeUp, tampered]) {
      assert.throws(() => judge(0, 1, complaint), {
        code: 'INVALID_COMPLAINT',
        message: 'the complaint does not prove the key shared by gent and leuven',
      })
    }
  })

  it('refuse malformed complaints with MALFORMED_INPUT', () => {
    const honest = complain(0, 1)
    for (const complaint of [null, {}, { ...honest, sharedKey: 'AAAA' }, { ...honest, proof: { challenge: 'x' } }]) {
      assert.throws(() => judge(0, 1, complaint), { code: 'MALFORMED_INPUT' })
    }
  })
})
