import { LogError } from '../errors.js'
import { isHash } from '../hash.js'

/** Longest proof looked at: a path in a tree of at most 2^53 - 1 leaves has at most 53 hashes. */
export const MAX_PROOF_LENGTH = 64

/** Throws `INVALID_PROOF` unless `proof` is an array of at most MAX_PROOF_LENGTH 32-byte hashes. */
export function assertProof(proof: unknown, kind: 'inclusion' | 'consistency'): asserts proof is Uint8Array[] {
  const reject = (reason: string): never => {
    throw new LogError('INVALID_PROOF', `${kind} proof rejected: ${reason}`)
  }
  if (!Array.isArray(proof) || proof.length > MAX_PROOF_LENGTH)
    reject(`a proof is an array of at most ${MAX_PROOF_LENGTH} hashes`)
  if (!(proof as unknown[]).every(isHash)) reject('every proof element must be a 32-byte hash')
}
