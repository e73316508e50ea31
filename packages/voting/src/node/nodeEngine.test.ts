import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { p256 } from '@noble/curves/nist.js'
import { concatBytes } from '@tabularium/core'
import { encodeCiphertext, encryptPoints } from '../election/ciphertext.js'
import { G, mod, ORDER, POINT_BYTES, randomScalar, scalarBytes } from '../election/group.js'
import { type GroupBackend, nobleGroup } from '../engine/groupBackend.js'
import { addCiphertexts } from '../tally/addCiphertexts.js'
import { nodeEngine } from './nodeEngine.js'

// The OpenSSL backend must give the pure-JS one's answer on every input, the
// hostile ones first: the ledger's outcome may not depend on which ran.
const backends: GroupBackend[] = [nobleGroup, nodeEngine.group]
const FP = p256.Point.Fp.ORDER

const pack = (chunks: Uint8Array[]) => concatBytes(...chunks)
const be = (value: bigint) => {
  const out = new Uint8Array(32)
  for (let i = 31, v = value; i >= 0; i--, v >>= 8n) out[i] = Number(v & 0xffn)
  return out
}

// Encodings that are not points of the group, each 65 bytes.
function hostilePoints(): Record<string, Uint8Array> {
  const good = G.multiply(7n).toBytes(false)
  const offCurve = Uint8Array.from(good)
  offCurve[64] = (offCurve[64] as number) ^ 1
  const compressedPrefix = Uint8Array.from(good)
  compressedPrefix[0] = 0x02
  const hybridPrefix = Uint8Array.from(good)
  hybridPrefix[0] = 0x06
  // x + p: the same residue, a non-canonical encoding (x < 2^256 - p for this point is not guaranteed, so use x = p).
  const xIsP = pack([Uint8Array.of(4), be(FP), good.subarray(33)])
  return { offCurve, compressedPrefix, hybridPrefix, xIsP, zeros: new Uint8Array(POINT_BYTES) }
}

describe('nodeEngine (OpenSSL addon) against the pure-JS backend', () => {
  it('is built and loaded here (npm run build:native)', () => {
    assert.equal(nodeEngine.name, 'openssl')
  })

  it('agrees that Σ sᵢ·Pᵢ + b·G is the identity exactly when it is', () => {
    for (const n of [0, 1, 2, 5, 40]) {
      const xs = Array.from({ length: n }, () => randomScalar())
      const ss = Array.from({ length: n }, () => randomScalar())
      const points = pack(xs.map((x) => G.multiply(x).toBytes(false)))
      const scalars = pack(ss.map((s) => scalarBytes(s)))
      const base = mod(-xs.reduce((acc, x, i) => acc + x * (ss[i] as bigint), 0n))
      for (const group of backends) {
        assert.equal(group.combination(points, scalars, scalarBytes(base)), 1, `${group.name} n=${n}`)
        assert.equal(group.combination(points, scalars, scalarBytes(mod(base + 1n))), 0, `${group.name} n=${n}`)
      }
    }
  })

  it('accepts zero and order − 1 scalars alike', () => {
    const P = G.multiply(5n)
    const points = pack([P.toBytes(false), P.toBytes(false)])
    const scalars = pack([scalarBytes(0n), scalarBytes(ORDER - 1n)])
    for (const group of backends) assert.equal(group.combination(points, scalars, scalarBytes(5n)), 1)
  })

  it('names the first encoding that is not a group element, for every kind of bad point', () => {
    const good = G.multiply(3n).toBytes(false)
    for (const [kind, bad] of Object.entries(hostilePoints())) {
      for (const at of [0, 2]) {
        const chunks: Uint8Array[] = [good, good, good]
        chunks[at] = bad
        const scalars = pack(chunks.map(() => scalarBytes(1n)))
        for (const group of backends) {
          assert.equal(group.combination(pack(chunks), scalars, scalarBytes(0n)), -(at + 1), `${group.name} ${kind}`)
          assert.equal(group.sumSlots(pack(chunks), 1), -(at + 1), `${group.name} ${kind}`)
        }
      }
    }
  })

  it('adds columns to the same bytes, an identity sum as zeros', () => {
    const P = G.multiply(11n)
    const Q = G.multiply(randomScalar())
    const rows = pack([P.toBytes(false), Q.toBytes(false), P.negate().toBytes(false), Q.toBytes(false)])
    const [js, native] = backends.map((group) => Uint8Array.from(group.sumSlots(rows, 2) as Uint8Array))
    assert.deepEqual(native, js)
    assert.deepEqual((js as Uint8Array).subarray(0, POINT_BYTES), new Uint8Array(POINT_BYTES))
    assert.deepEqual((js as Uint8Array).subarray(POINT_BYTES), Q.double().toBytes(false))
  })

  it('gives addCiphertexts the same tally with either engine', () => {
    const publicKey = G.multiply(randomScalar())
    const ballots = Array.from({ length: 6 }, () =>
      [0n, 1n, 1n].map((message) => encodeCiphertext(encryptPoints({ publicKey, message, nonce: randomScalar() }))),
    )
    assert.deepEqual(addCiphertexts(ballots, { engine: nodeEngine }), addCiphertexts(ballots))
    const bad = ballots.map((b, i) => (i === 4 ? [b[0], { ...b[1], beta: b[1]?.alpha.slice(0, -3) }, b[2]] : b))
    for (const engine of [undefined, nodeEngine]) {
      assert.throws(() => addCiphertexts(bad as never, engine === undefined ? {} : { engine }), {
        code: 'MALFORMED_INPUT',
        message: 'ballots[4][1].beta is not an uncompressed P-256 point',
      })
    }
  })

  it('refuses malformed arguments with a TypeError, never a crash', () => {
    const addon = nodeEngine.group
    assert.throws(() => addon.combination(new Uint8Array(64), new Uint8Array(0), new Uint8Array(32)), TypeError)
    assert.throws(() => addon.combination(new Uint8Array(65), new Uint8Array(31), new Uint8Array(32)), TypeError)
    assert.throws(() => addon.sumSlots(new Uint8Array(130), 0), TypeError)
    assert.throws(() => addon.sumSlots(new Uint8Array(195), 2), TypeError)
    assert.throws(() => addon.combination('x' as never, new Uint8Array(0), new Uint8Array(32)), TypeError)
  })
})
