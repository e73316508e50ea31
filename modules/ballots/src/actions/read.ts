import { fromBase64Url } from '@tabularium/core'
import type { StateReader } from '@tabularium/ledger'
import { findMemberId, memberKey } from '@tabularium/module-governance'
import type { Ciphertext } from '@tabularium/voting'
import { fail } from '../fail.js'
import { ballotKey, ceremonyKey, countersKey, petitionKey, tallyKey } from '../keys.js'
import { type PackedTally, readTally } from '../rules/ciphertexts.js'
import type { BallotRecord, Ceremony, Counters, PetitionRecord } from '../types.js'

/** The ballot, or NOT_FOUND. */
export function getBallot(state: StateReader, id: string): BallotRecord {
  return state.get<never>(ballotKey(id)) ?? fail('NOT_FOUND', `no ballot ${id}`, { ballot: id })
}

/** The petition, or NOT_FOUND. */
export function getPetition(state: StateReader, id: string): PetitionRecord {
  return state.get<never>(petitionKey(id)) ?? fail('NOT_FOUND', `no petition ${id}`, { petition: id })
}

/** A ceremony before anyone took part. */
export const EMPTY_CEREMONY: Ceremony = {
  keys: {},
  dealings: {},
  confirmed: [],
  disqualified: {},
  qualified: null,
  failed: null,
  closed: null,
  publicKey: null,
  commitments: null,
}

/** The ballot's key ceremony (fields a record from before complaints lacks are filled in). */
export function getCeremony(state: StateReader, id: string): Ceremony {
  return { ...EMPTY_CEREMONY, ...(state.get<never>(ceremonyKey(id)) ?? {}) }
}

/** The running encrypted tally, per question and option, or null before the first ballot. */
export function readStoredTally(state: StateReader, id: string): Ciphertext[][] | null {
  const packed = state.get<PackedTally>(tallyKey(id))
  return packed === undefined ? null : readTally(packed)
}

/** The live counters of a process. */
export function getCounters(state: StateReader, id: string): Counters {
  return state.get<never>(countersKey(id)) ?? { issued: 0, cast: 0, counted: 0, replaced: 0 }
}

/** The signer's member id and trustee index (from 1), or NOT_A_TRUSTEE. */
export function trusteeOf(state: StateReader, ballot: BallotRecord, did: string): { member: string; index: number } {
  const member = findMemberId(state, did)
  const index = member === undefined ? -1 : ballot.trustees.indexOf(member)
  if (member === undefined || index < 0) {
    fail('NOT_A_TRUSTEE', `the signer is not a trustee of ${ballot.id}`, {
      ballot: ballot.id,
      trustees: ballot.trustees,
    })
  }
  return { member, index: index + 1 }
}

/** Refuses unless every id names a current member organisation. */
export function assertMembers(state: StateReader, ids: string[]): void {
  const unknown = ids.filter((id) => state.of('governance').get(memberKey(id)) === undefined)
  if (unknown.length > 0)
    fail('INVALID_ARGS', `trustees must be member organisations: ${unknown.join(', ')}`, { unknown })
  if (new Set(ids).size !== ids.length) fail('INVALID_ARGS', 'a trustee is listed twice')
}

/** Refuses an issuer key whose modulus is not 2048, 3072 or 4096 bits. */
export function assertIssuerKey(key: { n: string }): void {
  let bits = 0
  try {
    bits = fromBase64Url(key.n).length * 8
  } catch {
    bits = 0
  }
  if (![2048, 3072, 4096].includes(bits))
    fail('INVALID_ARGS', 'the issuer key must be an RSA modulus of 2048, 3072 or 4096 bits')
}

/** Refuses times in the wrong order or a close already past. */
export function assertSchedule(p: { opens: string; closes: string }, now: string): void {
  if (Date.parse(p.opens) >= Date.parse(p.closes)) fail('INVALID_ARGS', 'opens must be before closes')
  if (Date.parse(p.closes) <= Date.parse(now)) fail('INVALID_ARGS', 'closes must be in the future')
}
