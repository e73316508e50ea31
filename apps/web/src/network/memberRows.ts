import type { MemberStatus, NetworkStatus } from './api.js'

/** How a status reads at a glance; the badge always carries text and an icon as well. */
export type Tone = 'ok' | 'warning' | 'error' | 'info'

/** One row of the members table, shaped for display. */
export interface MemberRow {
  id: string
  name: string
  /** The node's address, only when it is an http(s) URL (a link to anything else could run script). */
  url?: string
  status: MemberStatus
  tone: Tone
  treeSize?: number
  /** Entries this node holds that the member has not cosigned yet (negative: the member is ahead). */
  lag?: number
  /** How long ago its last cosignatures arrived (never negative). */
  seenAgoMs?: number
  divergedAt?: number
  haltReason?: string
}

const TONES: Record<MemberStatus, Tone> = {
  self: 'ok',
  ok: 'ok',
  silent: 'warning',
  diverged: 'error',
  stopped: 'error',
  unknown: 'info',
}

/** The icon beside each status (decorative: the status text says the same). */
export const TONE_ICONS: Record<Tone, string> = { ok: '✓', warning: '!', error: '✗', info: '?' }

/**
 * The members table from this node's status: each member's health, how far
 * behind this node it is and when it was last heard from, as of `now`.
 *
 * @example memberRows({ status, now: Date.now() })[1] // { name: 'Organisation 2', status: 'silent', lag: 4, … }
 */
export function memberRows({ status, now }: { status: NetworkStatus; now: number }): MemberRow[] {
  return status.members.map((m) => {
    const row: MemberRow = { id: m.id, name: m.name, status: m.status, tone: TONES[m.status] }
    const url = m.url === undefined ? undefined : webUrl(m.url)
    if (url !== undefined) row.url = url
    if (m.treeSize !== undefined) {
      row.treeSize = m.treeSize
      row.lag = status.treeSize - m.treeSize
    }
    const seen = m.seenAt === undefined ? Number.NaN : Date.parse(m.seenAt)
    if (!Number.isNaN(seen)) row.seenAgoMs = Math.max(0, now - seen)
    if (m.divergedAt !== undefined) row.divergedAt = m.divergedAt
    if (m.haltReason !== undefined) row.haltReason = m.haltReason
    return row
  })
}

/** `url` when it is an absolute http or https URL, else undefined. */
export function webUrl(url: string): string | undefined {
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined
  } catch {
    return undefined
  }
}
