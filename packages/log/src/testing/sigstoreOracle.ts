// Test support only: @sigstore/verify's RFC 6962 inclusion check (the one
// sigstore-js runs on Rekor entries), reached by its file path because the
// package does not export it.
import { Buffer } from 'node:buffer'
import { createRequire } from 'node:module'

type SigstoreMerkle = {
  verifyMerkleInclusion(
    entry: { inclusionProof: { logIndex: string; hashes: Buffer[] }; canonicalizedBody: Buffer },
    checkpoint: { logSize: bigint; logHash: Buffer },
  ): void
}

const merkle = createRequire(import.meta.url)('@sigstore/verify/dist/tlog/merkle.js') as SigstoreMerkle

/** True when sigstore-js accepts `proof` for leaf data `leaf` at `index` under `rootHash`. */
export function sigstoreVerifiesInclusion(p: {
  leaf: Uint8Array
  index: number
  treeSize: number
  proof: Uint8Array[]
  rootHash: Uint8Array
}): boolean {
  try {
    merkle.verifyMerkleInclusion(
      {
        inclusionProof: { logIndex: String(p.index), hashes: p.proof.map((h) => Buffer.from(h)) },
        canonicalizedBody: Buffer.from(p.leaf),
      },
      { logSize: BigInt(p.treeSize), logHash: Buffer.from(p.rootHash) },
    )
    return true
  } catch {
    return false
  }
}
