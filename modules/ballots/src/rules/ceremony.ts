import type { ActionContext } from '@tabularium/ledger'
import { combineDealings, VotingError } from '@tabularium/voting'
import { fail } from '../fail.js'
import { ceremonyKey } from '../keys.js'
import type { BallotRecord, Ceremony } from '../types.js'
import { awaitedDealers, ceremonyDeadlineOf } from './absence.js'
import { phaseAt } from './schedule.js'

/** Refuses a ceremony step (CONFLICT) once the ballot opened, the ceremony failed or the key is fixed. */
export function assertCeremonyOpen(p: { ballot: BallotRecord; ceremony: Ceremony; time: string }): void {
  if (phaseAt(p.ballot, p.time) !== 'scheduled') fail('CONFLICT', 'the key ceremony ends when the ballot opens')
  if (p.ceremony.failed !== null)
    fail('CONFLICT', `the key ceremony of ${p.ballot.id} failed: ${p.ceremony.failed}`, { failed: p.ceremony.failed })
  if (p.ceremony.publicKey !== null) fail('CONFLICT', `the election key of ${p.ballot.id} is fixed already`)
}

/** Refuses registering or dealing (CONFLICT) once the ceremony was closed: the absent are out. */
export function assertNotClosed(ballot: BallotRecord, ceremony: Ceremony): void {
  if (ceremony.closed !== null)
    fail('CONFLICT', `the key ceremony of ${ballot.id} was closed at ${ceremony.closed.at}: no more keys or dealings`)
}

/** True from the ceremony deadline on. */
export function pastDeadline(ballot: BallotRecord, time: string): boolean {
  return Date.parse(time) >= Date.parse(ceremonyDeadlineOf(ballot))
}

/** Refuses a complaint or confirmation (CONFLICT, `details.missing`) while a dealing is awaited (`awaitedDealers`). */
export function assertDealt(ballot: BallotRecord, ceremony: Ceremony): void {
  const missing = awaitedDealers(ballot, ceremony)
  if (missing.length > 0) fail('CONFLICT', `waiting for dealings from ${missing.join(', ')}`, { missing })
}

/** Refuses with CONFLICT (`details.missing`) until every trustee has done `what`. */
export function assertAllHave(p: { ballot: BallotRecord; done: Record<string, unknown>; what: string }): void {
  const missing = p.ballot.trustees.filter((t) => p.done[t] === undefined)
  if (missing.length > 0) fail('CONFLICT', `waiting for ${p.what} from ${missing.join(', ')}`, { missing })
}

/** Refuses with INVALID_ARGS, naming the check, when a `@tabularium/voting` check throws. */
export function checked<T>(what: string, run: () => T): T {
  try {
    return run()
  } catch (error) {
    if (error instanceof VotingError) fail('INVALID_ARGS', `${error.message} (${what})`, { reason: error.code })
    throw error
  }
}

/**
 * Stores the ceremony after a confirmation or a disqualification and
 * settles it when it can: with fewer qualified dealers than the threshold
 * it has failed; when every qualified trustee has confirmed — or, once the
 * ceremony was closed, at least the threshold of them — QUAL is fixed and
 * so is the election key, the sum of QUAL's constant-term commitments.
 */
export function settleCeremony(ctx: ActionContext, ballot: BallotRecord, ceremony: Ceremony): void {
  const qualified = ballot.trustees.filter((t) => ceremony.disqualified[t] === undefined)
  let next = ceremony
  if (qualified.length < ballot.threshold) {
    const failed = `${qualified.length} qualified dealers (${qualified.join(', ') || 'none'}), fewer than the threshold ${ballot.threshold}`
    next = { ...ceremony, failed }
    ctx.emit('ceremonyFailed', { ballot: ballot.id, qualified, reason: failed })
  } else if (keyCanBeFixed(ballot, ceremony, qualified)) {
    const joint = combineDealings({ commitments: qualified.map((t) => ceremony.dealings[t] as string[]) })
    next = { ...ceremony, qualified, publicKey: joint.publicKey, commitments: joint.commitments }
    ctx.emit('keyReady', { ballot: ballot.id, publicKey: joint.publicKey, qualified })
  }
  ctx.put(ceremonyKey(ballot.id), next as never)
}

// A dealer that dealt but never confirms would stall the ceremony until the
// ballot opens. After the close, t confirmations are enough: those t
// trustees checked a share from every qualified dealer (a confirmation
// waits for every awaited dealing), so t of them can decrypt, and the
// silent one keeps its dealing in QUAL. What it loses is the time to
// complain: a share it did not check may leave it unable to decrypt
// (robustness), never anyone able to decrypt alone (secrecy: t unchanged).
function keyCanBeFixed(ballot: BallotRecord, ceremony: Ceremony, qualified: string[]): boolean {
  const confirmed = qualified.filter((t) => ceremony.confirmed.includes(t)).length
  return confirmed === qualified.length || (ceremony.closed !== null && confirmed >= ballot.threshold)
}
