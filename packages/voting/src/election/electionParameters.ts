import { fromBase64Url } from '@tabularium/core'
import { VotingError } from '../errors.js'
import { decodePoint, type EncodedPoint, type GroupPoint } from './group.js'

/**
 * One question of a ballot, as the encryption and its proofs see it: which
 * election (bound into every proof), the election public key, how many
 * options, and how many of them a voter must select (min) and may select (max).
 * Single choice is { min: 1, max: 1 }; approval is { min: 0, max: options }.
 */
export type ElectionParameters = {
  id: string
  publicKey: string
  options: number
  min: number
  max: number
}

/** Largest number of options per question (bounds the work a hostile ballot can cause). */
export const MAX_OPTIONS = 64

const keyCache = new Map<string, GroupPoint>()
const encodedCache = new Map<string, EncodedPoint>()

/**
 * Checks election parameters and returns the parsed public key, with a
 * precomputed multiplication table cached per key (every ballot and proof of
 * an election multiplies by it).
 *
 * @example const publicKey = assertElectionParameters({ id: 'b-1', publicKey, options: 4, min: 1, max: 1 })
 */
export function assertElectionParameters(election: ElectionParameters): GroupPoint {
  const { id, options, min, max } = election ?? ({} as ElectionParameters)
  const problems: string[] = []
  if (typeof id !== 'string' || id.length === 0 || id.length > 256) problems.push('id must be 1–256 characters')
  if (!Number.isInteger(options) || options < 1 || options > MAX_OPTIONS)
    problems.push(`options must be 1–${MAX_OPTIONS}`)
  if (!Number.isInteger(min) || !Number.isInteger(max) || min < 0 || min > max || max > options) {
    problems.push('need 0 <= min <= max <= options')
  }
  if (problems.length > 0) throw new VotingError('INVALID_PARAMETERS', problems.join('; '), { details: { problems } })
  return publicKeyOf(election.publicKey)
}

function publicKeyOf(encoded: string): GroupPoint {
  const cached = keyCache.get(encoded)
  if (cached !== undefined) return cached
  const point = decodePoint(encoded, 'election public key').precompute(8, false)
  if (keyCache.size >= 32) keyCache.delete(keyCache.keys().next().value as string)
  keyCache.set(encoded, point)
  return point
}

/**
 * The election public key as a proof batch uses it: checked once by
 * `assertElectionParameters`, then one object per key, so that every proof of
 * a batch shares one term for it.
 *
 * @example const pk = encodedPublicKey(election)
 */
export function encodedPublicKey(election: ElectionParameters): EncodedPoint {
  assertElectionParameters(election)
  const cached = encodedCache.get(election.publicKey)
  if (cached !== undefined) return cached
  const point = { bytes: fromBase64Url(election.publicKey), what: 'election public key' }
  if (encodedCache.size >= 32) encodedCache.delete(encodedCache.keys().next().value as string)
  encodedCache.set(election.publicKey, point)
  return point
}
