import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { fromBase64, fromHex, isBaseError, utf8 } from '@tabularium/core'
import { EMPTY_ROOT, hashLeaf } from '../hash.js'
import { hexes, loadVector } from '../testing/vectors.js'
import { verifyConsistency } from './verifyConsistency.js'
import { verifyInclusion } from './verifyInclusion.js'

type InclusionProbe = {
  path: string
  leafIdx: number
  treeSize: number
  root: string
  leafHash: string
  proof: string[] | null
  wantErr: boolean
}
type ConsistencyProbe = {
  path: string
  size1: number
  size2: number
  root1: string
  root2: string
  proof: string[] | null
  wantErr: boolean
}
type Reference = {
  leaves: string[]
  roots: string[]
  inclusion: { index: number; treeSize: number; proof: string[] }[]
  consistency: { from: number; to: number; proof: string[] }[]
}

const probes = loadVector<{ inclusion: InclusionProbe[]; consistency: ConsistencyProbe[] }>(
  'transparency-dev-probes.json',
)
const ref = loadVector<Reference>('rfc6962-reference.json')
const b64s = (values: string[] | null) => (values ?? []).map(fromBase64)

// Where we are deliberately stricter than transparency-dev/merkle: every root
// must be a 32-byte hash, and the root of size 0 must be EMPTY_ROOT. Its
// "don't care" probes use 12-byte strings as roots.
const STRICTER = new Set([
  'testdata/consistency/additional/sizes-are-equal-zero-and-proof-is-empty.json',
  'testdata/consistency/additional/sizes-are-equal-one-and-proof-is-empty.json',
])

function rejects(run: () => void): boolean {
  try {
    run()
    return false
  } catch (error) {
    assert.ok(isBaseError(error, 'INVALID_PROOF'), String(error))
    return true
  }
}

describe('transparency-dev/merkle probe files, verbatim', () => {
  it('agrees on every inclusion probe', () => {
    for (const p of probes.inclusion) {
      const run = () =>
        verifyInclusion({
          leafHash: fromBase64(p.leafHash),
          index: p.leafIdx,
          treeSize: p.treeSize,
          proof: b64s(p.proof),
          rootHash: fromBase64(p.root),
        })
      assert.equal(rejects(run), p.wantErr, p.path)
    }
  })

  it('agrees on every consistency probe, except where documented as stricter', () => {
    for (const p of probes.consistency) {
      const run = () =>
        verifyConsistency({
          from: p.size1,
          to: p.size2,
          proof: b64s(p.proof),
          fromRoot: fromBase64(p.root1),
          toRoot: fromBase64(p.root2),
        })
      assert.equal(rejects(run), p.wantErr || STRICTER.has(p.path), p.path)
    }
  })
})

// The corruptions cmd/proofgen applies to each reference proof to make its
// probe files, applied here to the same reference proofs.
describe('transparency-dev/merkle corruption recipe', () => {
  const someHash = fromHex('abacaba000000000000000000000000000000000000000000060061e00123456')
  const flip = (proof: Uint8Array[], i: number, mask: number) =>
    proof.map((h, j) => (j === i ? Uint8Array.from(h, (b, k) => (k === 0 ? b ^ mask : b)) : h))

  it('rejects every corrupted inclusion proof', () => {
    for (const v of ref.inclusion) {
      const leafHash = hashLeaf(fromHex(ref.leaves[v.index] as string))
      const root = fromHex(ref.roots[v.treeSize - 1] as string)
      const proof = hexes(v.proof)
      const { index: i, treeSize: n } = v
      const probes: [number, number, Uint8Array, Uint8Array, Uint8Array[]][] = [
        [i - 1, n, root, leafHash, proof],
        [i + 1, n, root, leafHash, proof],
        [i ^ 2, n, root, leafHash, proof],
        [i, n * 2, root, leafHash, proof],
        [i, Math.floor(n / 2), root, leafHash, proof],
        [i, n, root, utf8('WrongLeaf'), proof],
        [i, n, EMPTY_ROOT, leafHash, proof],
        [i, n, someHash, leafHash, proof],
        [i, n, root, leafHash, [...proof, new Uint8Array(0)]],
        [i, n, root, leafHash, [...proof, root]],
        [i, n, root, leafHash, [new Uint8Array(0), ...proof]],
        [i, n, root, leafHash, [root, ...proof]],
        ...proof.map((_, k): [number, number, Uint8Array, Uint8Array, Uint8Array[]] => [
          i,
          n,
          root,
          leafHash,
          flip(proof, k, 8),
        ]),
      ]
      if (proof.length > 0) probes.push([i, n, root, leafHash, proof.slice(0, -1)])
      if (proof.length > 1) probes.push([i, n, root, leafHash, [proof[0] as Uint8Array, someHash, ...proof.slice(1)]])
      for (const [index, treeSize, rootHash, leaf, pr] of probes) {
        assert.ok(
          rejects(() => verifyInclusion({ leafHash: leaf, index, treeSize, proof: pr, rootHash })),
          `${index}/${treeSize}`,
        )
      }
    }
  })

  it('rejects every corrupted consistency proof', () => {
    for (const v of ref.consistency.filter((c) => c.proof.length > 0)) {
      const r1 = fromHex(ref.roots[v.from - 1] as string)
      const r2 = fromHex(ref.roots[v.to - 1] as string)
      const proof = hexes(v.proof)
      const { from: m, to: n } = v
      const wrong = utf8('WrongRoot')
      const probes: [number, number, Uint8Array, Uint8Array, Uint8Array[]][] = [
        [m - 1, n, r1, r2, proof],
        [m + 1, n, r1, r2, proof],
        [m ^ 2, n, r1, r2, proof],
        [m, n * 2, r1, r2, proof],
        [m, Math.floor(n / 2), r1, r2, proof],
        [m, n, wrong, r2, proof],
        [m, n, r1, wrong, proof],
        [m, n, r2, r1, proof],
        [m, n, r1, r2, []],
        [m, n, r1, r2, [...proof, new Uint8Array(0)]],
        [m, n, r1, r2, [...proof, r1]],
        [m, n, r1, r2, [...proof, r2]],
        [m, n, r1, r2, [new Uint8Array(0), ...proof]],
        [m, n, r1, r2, [r1, ...proof]],
        [m, n, r1, r2, [r2, ...proof]],
        [m, n, r1, r2, [proof[0] as Uint8Array, ...proof]],
        [m, n, r1, r2, proof.slice(0, -1)],
        ...proof.map((_, k): [number, number, Uint8Array, Uint8Array, Uint8Array[]] => [
          m,
          n,
          r1,
          r2,
          flip(proof, k, 16),
        ]),
      ]
      for (const [from, to, fromRoot, toRoot, pr] of probes) {
        assert.ok(
          rejects(() => verifyConsistency({ from, to, proof: pr, fromRoot, toRoot })),
          `${from} → ${to}`,
        )
      }
    }
  })
})
