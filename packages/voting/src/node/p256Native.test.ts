import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { createRequire } from 'node:module'
import { describe, it } from 'node:test'
import { Worker } from 'node:worker_threads'
import { concatBytes } from '@tabularium/core'
import { G, type GroupPoint, mod, ORDER, POINT_BYTES, Point, scalarBytes } from '../election/group.js'
import { type GroupBackend, nobleGroup } from '../engine/groupBackend.js'
import { loadOpensslGroup } from './opensslGroup.js'

// The addon's fast path (native/msm.c, a wNAF multi-scalar multiplication on
// OpenSSL's nistz256 assembly) against its generic path (EC_POINTs_mul, the
// reference it replaced) and the pure-JS backend: same answer on every input,
// including the ones where an incomplete addition formula would go wrong.

const best = loadOpensslGroup() as GroupBackend
const generic = loadOpensslGroup('generic') as GroupBackend
const backends: GroupBackend[] = [best, generic, nobleGroup]
const FP = Point.Fp.ORDER

// Deterministic randomness (SHA-256 in counter mode), so a failure replays.
function seeded(seed: string) {
  let counter = 0
  const bytes = (length: number) => {
    const out = new Uint8Array(length)
    for (let at = 0; at < length; at += 32) {
      const block = createHash('sha256').update(`${seed}/${counter++}`).digest()
      out.set(block.subarray(0, Math.min(32, length - at)), at)
    }
    return out
  }
  const below = (bound: bigint) => {
    let value = 0n
    for (const byte of bytes(48)) value = (value << 8n) | BigInt(byte)
    return value % bound
  }
  return { bytes, below, int: (bound: number) => Number(below(BigInt(bound))) }
}

const pack = (chunks: Uint8Array[]) => concatBytes(...chunks)
// Any 256-bit value, unreduced: the backends reduce scalars modulo the order.
const raw = (value: bigint) => scalarBytes(BigInt.asUintN(256, value))
const encode = (point: GroupPoint) => point.toBytes(false)

// One case: points with known discrete logs (in [1, n)), so the base that makes the sum
// the identity is known.
type Case = { label: string; logs: bigint[]; scalars: bigint[] }

function answers(points: Uint8Array, scalars: Uint8Array, base: Uint8Array) {
  return backends.map((group) => group.combination(points, scalars, base))
}

function checkCase({ label, logs, scalars }: Case, expectIdentity = true) {
  const points = pack(logs.map((x) => encode(G.multiply(x))))
  const packed = pack(scalars.map(raw))
  const base = mod(-logs.reduce((sum, x, i) => sum + x * (scalars[i] as bigint), 0n))
  if (expectIdentity) assert.deepEqual(answers(points, packed, raw(base)), [1, 1, 1], `${label}: identity`)
  assert.deepEqual(answers(points, packed, raw(base + 1n)), [0, 0, 0], `${label}: base + 1`)
  // The same base, unreduced (base + n < 2^256 for most bases).
  if (base + ORDER < 1n << 256n)
    assert.deepEqual(answers(points, packed, raw(base + ORDER)), [1, 1, 1], `${label}: base + n`)
}

// Scalars of every shape the batch produces, and the corners.
function scalarOf(random: ReturnType<typeof seeded>): bigint {
  switch (random.int(10)) {
    case 0:
      return 0n
    case 1:
      return 1n
    case 2:
      return ORDER - 1n
    case 3:
      return BigInt(random.int(1000))
    case 4:
      return random.below(1n << 128n) // a weight
    case 5:
      return ORDER - random.below(1n << 128n) // -weight: shortened to 128 bits
    case 6:
      return ORDER + random.below((1n << 256n) - ORDER) // unreduced, >= n
    default:
      return random.below(ORDER)
  }
}

describe('the P-256 addon (native/)', () => {
  it('runs on the nistz256 assembly where node exports it (x64 Linux, bundled OpenSSL)', () => {
    const variables = process.config.variables as Record<string, unknown>
    const expected =
      process.arch === 'x64' && process.platform === 'linux' && variables.node_shared_openssl !== true
        ? 'openssl-nistz256'
        : best.name
    assert.equal(best.name, expected)
    assert.equal(generic.name, 'openssl')
  })

  it('agrees with EC_POINTs_mul and noble on random combinations, identity or not', () => {
    const random = seeded('combination')
    for (let round = 0; round < 60; round++) {
      const n = 1 + random.int(40)
      const logs = Array.from({ length: n }, () => 1n + random.below(ORDER - 1n))
      const scalars = Array.from({ length: n }, () => scalarOf(random))
      checkCase({ label: `round ${round}, n=${n}`, logs, scalars })
    }
  })

  it('agrees on points of unknown logarithm (almost surely not the identity)', () => {
    const random = seeded('unknown')
    for (let round = 0; round < 20; round++) {
      const n = 1 + random.int(30)
      const points = pack(Array.from({ length: n }, () => encode(G.multiply(1n + random.below(ORDER - 1n)))))
      const scalars = pack(Array.from({ length: n }, () => raw(scalarOf(random))))
      const base = raw(scalarOf(random))
      const [fast, reference, noble] = answers(points, scalars, base)
      assert.equal(fast, reference, `round ${round}`)
      assert.equal(fast, noble, `round ${round}`)
    }
  })

  it('cancels s·P + (n−s)·P, P and −P with one scalar, and duplicates', () => {
    const random = seeded('cancel')
    for (let round = 0; round < 10; round++) {
      const x = 1n + random.below(ORDER - 1n)
      const s = scalarOf(random)
      const P = G.multiply(x)
      const Q = G.multiply(1n + random.below(ORDER - 1n))
      const zero = raw(0n)
      const cases: [string, Uint8Array[], bigint[]][] = [
        ['s·P + (n−s)·P', [encode(P), encode(P)], [s, ORDER - mod(s)]],
        ['s·P + s·(−P)', [encode(P), encode(P.negate())], [s, s]],
        ['s·P + s·(−P) + t·Q − t·Q', [encode(P), encode(Q), encode(P.negate()), encode(Q)], [s, 5n, s, ORDER - 5n]],
        ['P + P + (n−2)·P', [encode(P), encode(P), encode(P)], [1n, 1n, ORDER - 2n]],
      ]
      for (const [label, points, scalars] of cases)
        assert.deepEqual(answers(pack(points), pack(scalars.map(raw)), zero), [1, 1, 1], label)
      // Duplicates whose sum is not the identity (the walk adds P to P).
      checkCase({ label: 'P, P', logs: [x, x], scalars: [1n, 1n] })
      checkCase({ label: 'P, P, P', logs: [x, x, x], scalars: [s, s, s] })
      checkCase({ label: 'G as a point', logs: [1n], scalars: [s] })
      checkCase({ label: 'G and −G', logs: [1n, ORDER - 1n], scalars: [1n, 2n] })
    }
  })

  it('handles zero scalars, base 0, one point and no point', () => {
    const P = encode(G.multiply(12345n))
    const zeros = (n: number) => new Uint8Array(n * 32)
    for (const base of [0n, ORDER, 1n, ORDER - 1n, (1n << 256n) - 1n]) {
      const identity = mod(base) === 0n ? 1 : 0
      assert.deepEqual(answers(new Uint8Array(0), zeros(0), raw(base)), Array(3).fill(identity), `no point, ${base}`)
      assert.deepEqual(answers(pack([P, P, P]), zeros(3), raw(base)), Array(3).fill(identity), `zero scalars, ${base}`)
    }
    checkCase({ label: 'one point', logs: [12345n], scalars: [7n] })
    checkCase({ label: 'one point, n−1', logs: [12345n], scalars: [ORDER - 1n] })
    checkCase({ label: 'one point, 2^256−1', logs: [12345n], scalars: [(1n << 256n) - 1n] })
  })

  it('works across chunks of points (64 per walk), equal partial sums included', () => {
    const random = seeded('chunks')
    for (const n of [63, 64, 65, 128, 130]) {
      const logs = Array.from({ length: n }, () => 1n + random.below(ORDER - 1n))
      const scalars = Array.from({ length: n }, () => scalarOf(random))
      checkCase({ label: `n=${n}`, logs, scalars })
    }
    // 64 copies of P, then P with 64 and with n − 64: the second walk's
    // partial sum equals the first's (the complete addition doubles) or is
    // its negation (the identity).
    const P = encode(G.multiply(99n))
    const ones = Array.from({ length: 64 }, () => raw(1n))
    const points = pack(Array.from({ length: 65 }, () => P))
    const zero = raw(0n)
    assert.deepEqual(answers(points, pack([...ones, raw(64n)]), zero), [0, 0, 0])
    assert.deepEqual(answers(points, pack([...ones, raw(ORDER - 64n)]), zero), [1, 1, 1])
    assert.deepEqual(answers(points, pack([...ones, raw(64n)]), raw(mod(-128n * 99n))), [1, 1, 1])
  })

  it('sums columns byte for byte like EC_POINT_add and noble', () => {
    const random = seeded('sums')
    for (let round = 0; round < 40; round++) {
      const slots = 1 + random.int(8)
      const rows = 1 + random.int(4)
      const points: GroupPoint[] = Array.from({ length: rows * slots }, () => G.multiply(1n + random.below(ORDER - 1n)))
      // Some columns repeat a point (doubling) or cancel (identity).
      if (rows >= 2 && slots >= 2) {
        points[slots] = points[0] as GroupPoint
        points[slots + 1] = (points[1] as GroupPoint).negate()
      }
      const packed = pack(points.map(encode))
      const [fast, reference, noble] = backends.map((group) =>
        Buffer.from(group.sumSlots(packed, slots) as Uint8Array),
      ) as [Buffer, Buffer, Buffer]
      assert.deepEqual(fast, reference, `round ${round}`)
      assert.deepEqual(fast, noble, `round ${round}`)
      if (rows === 2 && slots >= 2) {
        assert.deepEqual(fast.subarray(0, POINT_BYTES), Buffer.from(encode((points[0] as GroupPoint).double())))
        assert.deepEqual(fast.subarray(POINT_BYTES, 2 * POINT_BYTES), Buffer.alloc(POINT_BYTES))
      }
    }
  })

  it('gives 65 zero bytes for an identity sum, and P for one row', () => {
    const P = G.multiply(77n)
    const Q = G.multiply(78n)
    const rows = pack([encode(P), encode(Q), encode(P.negate()), encode(Q.negate())])
    for (const group of backends) {
      assert.deepEqual(Buffer.from(group.sumSlots(rows, 2) as Uint8Array), Buffer.alloc(2 * POINT_BYTES), group.name)
      assert.deepEqual(Buffer.from(group.sumSlots(rows, 4) as Uint8Array), Buffer.from(rows), group.name)
      assert.deepEqual(Buffer.from(group.sumSlots(rows, 1) as Uint8Array), Buffer.alloc(POINT_BYTES), group.name)
    }
  })

  it('names the first bad encoding, in any position, never using it', () => {
    const good = encode(G.multiply(3n))
    for (const [kind, bad] of Object.entries(hostilePoints())) {
      for (const [n, at] of [
        [1, 0],
        [3, 0],
        [3, 2],
        [80, 70],
      ] as const) {
        const chunks: Uint8Array[] = Array.from({ length: n }, () => good)
        chunks[at] = bad
        if (n > at + 1) chunks[n - 1] = bad // a later bad one is not the one named
        const points = pack(chunks)
        const scalars = pack(chunks.map(() => raw(1n)))
        for (const group of backends) {
          assert.equal(group.combination(points, scalars, raw(0n)), -(at + 1), `${group.name} ${kind} combination`)
          assert.equal(group.sumSlots(points, 1), -(at + 1), `${group.name} ${kind} sumSlots`)
          // Also with a zero scalar: a point is checked even when it does not count.
          assert.equal(group.combination(points, new Uint8Array(n * 32), raw(0n)), -(at + 1), `${group.name} ${kind}`)
        }
      }
    }
  })

  it('refuses wrong sizes and types with a TypeError', () => {
    const point = encode(G)
    const calls: [string, () => unknown][] = [
      [
        'points not a multiple of 65',
        () => best.combination(new Uint8Array(66), new Uint8Array(32), new Uint8Array(32)),
      ],
      ['one scalar short', () => best.combination(pack([point, point]), new Uint8Array(32), new Uint8Array(32))],
      ['base of 31 bytes', () => best.combination(point, new Uint8Array(32), new Uint8Array(31))],
      ['base of 33 bytes', () => best.combination(point, new Uint8Array(32), new Uint8Array(33))],
      ['a Uint16Array', () => best.combination(new Uint16Array(65) as never, new Uint8Array(32), new Uint8Array(32))],
      ['two arguments', () => (best.combination as (...args: unknown[]) => number)(point, new Uint8Array(32))],
      ['zero slots', () => best.sumSlots(point, 0)],
      ['negative slots', () => best.sumSlots(point, -1)],
      ['more slots than points', () => best.sumSlots(point, 2)],
      ['rows not whole', () => best.sumSlots(pack([point, point, point]), 2)],
      ['slots not a number', () => best.sumSlots(point, '1' as never)],
      ['over MAX_POINTS', () => best.sumSlots(new Uint8Array(((1 << 20) + 1) * POINT_BYTES), 1)],
    ]
    for (const [label, call] of calls) assert.throws(call, TypeError, label)
  })

  it('loads and answers in a worker thread too (one instance per thread)', async () => {
    const path = createRequire(import.meta.url).resolve('../../native/build/Release/tabularium_p256.node')
    const P = encode(G.multiply(5n))
    const worker = new Worker(
      `const { parentPort, workerData } = require('node:worker_threads')
       const addon = require(workerData.path)
       const { points, scalars, base } = workerData
       parentPort.postMessage([addon.name, addon.combination(points, scalars, base), addon.sumSlots(points, 1)])`,
      {
        eval: true,
        workerData: { path, points: pack([P, P]), scalars: pack([raw(1n), raw(2n)]), base: raw(ORDER - 15n) },
      },
    )
    const [name, answer, sum] = await new Promise<[string, number, Uint8Array]>((resolve, reject) => {
      worker.once('message', resolve)
      worker.once('error', reject)
    })
    await worker.terminate()
    assert.equal(name, best.name)
    assert.equal(answer, 1)
    assert.deepEqual(Buffer.from(sum), Buffer.from(encode(G.multiply(10n))))
  })
})

// Encodings that are not points of the group, each 65 bytes.
function hostilePoints(): Record<string, Uint8Array> {
  const good = encode(G.multiply(7n))
  const withByte = (at: number, value: number) => {
    const out = Uint8Array.from(good)
    out[at] = value
    return out
  }
  const coordinates = (x: bigint, y: bigint) => pack([Uint8Array.of(4), raw(x), raw(y)])
  const y = Point.fromBytes(good).toAffine().y
  const x = Point.fromBytes(good).toAffine().x
  // A point with a small x, whose x + p still fits in 32 bytes: the same
  // residue, a second (non-canonical) encoding.
  let small = 0n
  let smallY = 0n
  for (; ; small++) {
    try {
      smallY = Point.Fp.sqrt(curveRight(small))
      break
    } catch {}
  }
  return {
    offCurve: withByte(64, (good[64] as number) ^ 1),
    offCurveX: withByte(1, (good[1] as number) ^ 0x80),
    compressed02: withByte(0, 0x02),
    compressed03: withByte(0, 0x03),
    hybrid06: withByte(0, 0x06),
    hybrid07: withByte(0, 0x07),
    prefix00: withByte(0, 0x00),
    zeros: new Uint8Array(POINT_BYTES),
    origin: coordinates(0n, 0n),
    xIsP: coordinates(FP, y),
    yIsP: coordinates(x, FP),
    xAllOnes: coordinates((1n << 256n) - 1n, y),
    yAllOnes: coordinates(x, (1n << 256n) - 1n),
    xPlusP: coordinates(small + FP, smallY),
  }
}

// x^3 - 3x + b: y^2 on the curve.
function curveRight(x: bigint): bigint {
  const Fp = Point.Fp
  return Fp.add(Fp.sub(Fp.mul(Fp.mul(x, x), x), Fp.mul(3n, x)), Point.CURVE().b)
}
