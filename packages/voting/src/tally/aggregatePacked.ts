import { fromBase64Url } from '@tabularium/core'
import { type Ciphertext, encodeCiphertext } from '../election/ciphertext.js'
import { type GroupPoint, POINT_BYTES, Point } from '../election/group.js'
import { VotingError } from '../errors.js'

// Bulk aggregation for recounts of millions of ballots. Ballots are packed
// back to back, option by option, alpha then beta, each point as 65 bytes of
// uncompressed SEC1. Parsing a point is one curve-equation check (P-256 has
// cofactor 1, so on the curve means in the group), and the sum is a tree of
// affine additions sharing one field inversion per level (Montgomery's
// batch-inversion trick): ~2 µs per point in pure JS, no square roots.

const FP = Point.Fp.ORDER
const B = Point.CURVE().b
const CHUNK = 4096

/** Bytes one ballot takes in the packed form. */
export function packedBallotBytes(options: number): number {
  return options * 2 * POINT_BYTES
}

/** Packs ballots' ciphertexts (each already verified, or parsed on unpacking). */
export function packBallots(ballots: Ciphertext[][], options: number): Uint8Array {
  const size = packedBallotBytes(options)
  const out = new Uint8Array(ballots.length * size)
  ballots.forEach((ballot, i) => {
    if (ballot.length !== options) throw new VotingError('MALFORMED_INPUT', `ballot ${i} has ${ballot.length} options`)
    ballot.forEach((ct, k) => {
      out.set(pointBytes(ct.alpha, i), i * size + k * 2 * POINT_BYTES)
      out.set(pointBytes(ct.beta, i), i * size + (k * 2 + 1) * POINT_BYTES)
    })
  })
  return out
}

// A point's 65 bytes; any other length would shift its neighbours in the packed form.
function pointBytes(encoded: string, ballot: number): Uint8Array {
  const bytes = fromBase64Url(encoded)
  if (bytes.length !== POINT_BYTES)
    throw new VotingError('MALFORMED_INPUT', `ballot ${ballot} has a point that is not 65 bytes`)
  return bytes
}

/** An affine point as two coordinates, or null for the identity. */
export type AffineSum = { x: bigint; y: bigint } | null

/**
 * Sums each of the `2·options` point slots over ballots [start, end) of a
 * packed buffer, validating every point (`MALFORMED_INPUT` names the ballot).
 *
 * @example const slots = sumPackedSlots({ bytes, options: 4 })
 */
export function sumPackedSlots(params: {
  bytes: Uint8Array
  options: number
  start?: number
  end?: number
}): AffineSum[] {
  const { bytes, options } = params
  const size = packedBallotBytes(options)
  if (bytes.length % size !== 0) throw new VotingError('MALFORMED_INPUT', 'packed ballots have a partial ballot')
  const { start = 0, end = bytes.length / size } = params
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const slots: AffineSum[] = []
  for (let slot = 0; slot < options * 2; slot++) {
    // Chunks keep the working set small: a million-entry array of bigints
    // costs more in garbage collection than the arithmetic does.
    let total = Point.ZERO
    for (let from = start; from < end; from += CHUNK) {
      const to = Math.min(end, from + CHUNK)
      const xs: bigint[] = []
      const ys: bigint[] = []
      for (let i = from; i < to; i++) {
        const offset = i * size + slot * POINT_BYTES
        const x = read256(view, offset + 1)
        const y = read256(view, offset + 33)
        if (bytes[offset] !== 4 || x >= FP || y >= FP || (y * y - x * (x * x - 3n) - B) % FP !== 0n) {
          throw new VotingError('MALFORMED_INPUT', `ballot ${i} holds a point that is not on the curve`)
        }
        xs.push(x)
        ys.push(y)
      }
      total = total.add(toPoint(treeSum(xs, ys)))
    }
    slots.push(total.is0() ? null : total.toAffine())
  }
  return slots
}

/** Adds affine sums (e.g. from several workers) into tally ciphertexts. */
export function slotsToTally(parts: AffineSum[][], options: number): Ciphertext[] {
  const points = Array.from({ length: options * 2 }, (_, slot) =>
    parts.reduce<GroupPoint>((acc, part) => acc.add(toPoint(part[slot] ?? null)), Point.ZERO),
  )
  return Array.from({ length: options }, (_, k) => {
    const a = points[2 * k] as GroupPoint
    const b = points[2 * k + 1] as GroupPoint
    if (a.is0() || b.is0()) throw new VotingError('MALFORMED_INPUT', 'a tally component is the identity')
    return encodeCiphertext({ a, b })
  })
}

/**
 * The tally of a packed buffer in this thread.
 *
 * @example const tally = aggregatePacked({ bytes: packBallots(ballots, 4), options: 4 })
 */
export function aggregatePacked(params: { bytes: Uint8Array; options: number }): Ciphertext[] {
  return slotsToTally([sumPackedSlots(params)], params.options)
}

function read256(view: DataView, offset: number): bigint {
  return (
    (view.getBigUint64(offset) << 192n) |
    (view.getBigUint64(offset + 8) << 128n) |
    (view.getBigUint64(offset + 16) << 64n) |
    view.getBigUint64(offset + 24)
  )
}

function toPoint(sum: AffineSum): GroupPoint {
  return sum === null ? Point.ZERO : Point.fromAffine(sum)
}

// Pairwise sums level by level; one inversion per level for all the pairs.
function treeSum(xs0: bigint[], ys0: bigint[]): AffineSum {
  let xs = xs0
  let ys = ys0
  const extra: GroupPoint[] = []
  while (xs.length > 1) {
    const half = xs.length >> 1
    // Preallocated: filling from the end must not turn the arrays sparse.
    const nx: bigint[] = new Array(half)
    const ny: bigint[] = new Array(half)
    const dens: bigint[] = new Array(half)
    const prefix: bigint[] = new Array(half)
    let acc = 1n
    let skipped = false
    for (let i = 0; i < half; i++) {
      let d = mod(at(xs, 2 * i + 1) - at(xs, 2 * i))
      // Equal x: doubling or opposite points; rare, so done the slow way.
      if (d === 0n) {
        extra.push(
          toPoint({ x: at(xs, 2 * i), y: at(ys, 2 * i) }).add(toPoint({ x: at(xs, 2 * i + 1), y: at(ys, 2 * i + 1) })),
        )
        d = 1n
        skipped = true
      }
      dens[i] = d
      prefix[i] = acc
      acc = (acc * d) % FP
    }
    let inv = Point.Fp.inv(acc)
    for (let i = half - 1; i >= 0; i--) {
      const di = (inv * at(prefix, i)) % FP
      inv = (inv * at(dens, i)) % FP
      const x1 = at(xs, 2 * i)
      const y1 = at(ys, 2 * i)
      const x2 = at(xs, 2 * i + 1)
      if (x1 === x2) continue
      const l = ((at(ys, 2 * i + 1) - y1) * di) % FP
      const x3 = mod(l * l - x1 - x2)
      nx[i] = x3
      ny[i] = mod(l * (x1 - x3) - y1)
    }
    const keep = skipped ? nx.flatMap((x, i) => (x === undefined ? [] : [i])) : null
    if (xs.length & 1 && keep === null) {
      nx.push(at(xs, xs.length - 1))
      ny.push(at(ys, ys.length - 1))
    }
    const lx = keep === null ? nx : keep.map((i) => at(nx, i))
    const ly = keep === null ? ny : keep.map((i) => at(ny, i))
    if (xs.length & 1 && keep !== null) {
      lx.push(at(xs, xs.length - 1))
      ly.push(at(ys, ys.length - 1))
    }
    xs = lx
    ys = ly
  }
  let total = xs.length === 1 ? toPoint({ x: at(xs, 0), y: at(ys, 0) }) : Point.ZERO
  for (const p of extra) total = total.add(p)
  return total.is0() ? null : total.toAffine()
}

function at(values: bigint[], i: number): bigint {
  return values[i] as bigint
}

function mod(value: bigint): bigint {
  const r = value % FP
  return r < 0n ? r + FP : r
}
