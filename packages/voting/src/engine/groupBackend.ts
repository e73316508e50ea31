import { mulAddUnsafe, pippenger } from '@noble/curves/abstract/curve.js'
import { bytesToBigInt, G, type GroupPoint, mod, POINT_BYTES, Point } from '../election/group.js'

/**
 * The group arithmetic verification needs, on packed bytes so that a native
 * implementation can take it in one call: `nobleGroup` here (pure JS, runs in
 * browsers), `opensslGroup` in `@tabularium/voting/node` (same answers, far
 * faster: see the README). Points are 65-byte uncompressed SEC1 encodings from hostile
 * input; a backend validates each one (prefix 0x04, coordinates below p, on
 * the curve) and reports the first invalid one by index, never using it.
 */
export type GroupBackend = {
  name: string
  /**
   * 1 when Σ scalars[i]·points[i] + base·G is the identity, 0 when it is not,
   * −(i+1) when point i is invalid. `points` holds n·65 bytes, `scalars` n·32
   * big-endian bytes below the group order, `base` 32.
   */
  combination(points: Uint8Array, scalars: Uint8Array, base: Uint8Array): number
  /**
   * Column sums of rows of `slots` points (`points` holds rows·slots·65
   * bytes): slots·65 bytes, an identity sum as 65 zero bytes; −(i+1) when
   * point i is invalid.
   */
  sumSlots(points: Uint8Array, slots: number): Uint8Array | number
}

// Below this many points the interleaved (Strauss) walk does fewer additions
// than Pippenger's buckets; measured on P-256 with noble-curves 2.4.
const PIPPENGER_FROM = 256

/** The pure-JS backend over noble-curves: the reference, and the one browsers use. */
export const nobleGroup: GroupBackend = {
  name: 'noble',
  combination(points, scalars, base) {
    const n = points.length / POINT_BYTES
    const parsed: GroupPoint[] = []
    const factors: bigint[] = []
    for (let i = 0; i < n; i++) {
      const point = parsePoint(points.subarray(i * POINT_BYTES, (i + 1) * POINT_BYTES))
      if (point === undefined) return -(i + 1)
      const factor = mod(bytesToBigInt(scalars.subarray(i * 32, (i + 1) * 32)))
      if (factor === 0n) continue
      parsed.push(point)
      factors.push(factor)
    }
    const msm = parsed.length < PIPPENGER_FROM ? mulAddUnsafe : pippenger
    const sum = G.multiplyUnsafe(mod(bytesToBigInt(base))).add(msm(Point, parsed, factors))
    return sum.is0() ? 1 : 0
  },
  sumSlots(points, slots) {
    const n = points.length / POINT_BYTES
    const sums = Array.from({ length: slots }, () => Point.ZERO)
    for (let i = 0; i < n; i++) {
      const point = parsePoint(points.subarray(i * POINT_BYTES, (i + 1) * POINT_BYTES))
      if (point === undefined) return -(i + 1)
      sums[i % slots] = (sums[i % slots] as GroupPoint).add(point)
    }
    const out = new Uint8Array(slots * POINT_BYTES)
    sums.forEach((sum, k) => {
      if (!sum.is0()) out.set(sum.toBytes(false), k * POINT_BYTES)
    })
    return out
  },
}

function parsePoint(bytes: Uint8Array): GroupPoint | undefined {
  if (bytes.length !== POINT_BYTES || bytes[0] !== 0x04) return undefined
  try {
    const point = Point.fromBytes(bytes)
    point.assertValidity()
    return point
  } catch {
    return undefined
  }
}
