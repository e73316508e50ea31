import type { BallotRecord } from '../types.js'

/** What these rules read of a ceremony (the state's, or the `ballot` query's). */
export type CeremonyView = {
  keys: Record<string, unknown>
  dealings: Record<string, unknown>
  disqualified: Record<string, unknown>
}

// Pure rules of the ceremony deadline, shared by the ledger, the recount and
// the console (browser-safe: no imports but types).

/**
 * The ceremony deadline: the one given at creation, else halfway between the
 * creation and the opening — half the preparation time for the trustees,
 * half left for those present to finish after the close.
 *
 * @example ceremonyDeadlineOf({ createdAt: '2026-03-01T09:00:00.000Z', opens: '2026-03-01T11:00:00.000Z' }) // '…T10:00:00.000Z'
 */
export function ceremonyDeadlineOf(b: {
  ceremonyDeadline?: string | undefined
  createdAt: string
  opens: string
}): string {
  if (b.ceremonyDeadline !== undefined) return b.ceremonyDeadline
  const from = Date.parse(b.createdAt)
  return new Date(from + Math.floor((Date.parse(b.opens) - from) / 2)).toISOString()
}

/**
 * The trustees a confirmation or a complaint still waits for the dealing of:
 * every trustee not disqualified — except, once a dealing exists, those
 * without a ceremony key, who can no longer deal (the first dealing fixes
 * the recipients, see `submitDealing`).
 */
export function awaitedDealers(ballot: Pick<BallotRecord, 'trustees'>, c: CeremonyView): string[] {
  const started = Object.keys(c.dealings).length > 0
  return ballot.trustees.filter(
    (t) => c.disqualified[t] === undefined && c.dealings[t] === undefined && (c.keys[t] !== undefined || !started),
  )
}

/** The trustees a close disqualifies as absent: no ceremony key, or no dealing. */
export function absentTrustees(ballot: Pick<BallotRecord, 'trustees'>, c: Omit<CeremonyView, 'keys'>): string[] {
  return ballot.trustees.filter((t) => c.dealings[t] === undefined && c.disqualified[t] === undefined)
}
