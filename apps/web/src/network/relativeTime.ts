import { language } from '../i18n/index.js'

const UNITS: readonly (readonly [Intl.RelativeTimeFormatUnit, number])[] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1_000],
]

/**
 * How long ago, in the active language, in the largest whole unit
 * ("12 seconds ago", "3 minutes ago"; "now" under a second).
 *
 * @example formatAgo(90_000) // '1 minute ago'
 */
export function formatAgo(ms: number): string {
  const format = new Intl.RelativeTimeFormat(language(), { numeric: 'auto' })
  const elapsed = Math.max(0, ms)
  const [unit, size] = UNITS.find(([, size]) => elapsed >= size) ?? ['second', 1_000]
  return format.format(-Math.floor(elapsed / size), unit)
}

/** How long before `now` an RFC 3339 time was (0 when it is later or unreadable). */
export function msSince(iso: string, now: number): number {
  const time = Date.parse(iso)
  return Number.isNaN(time) ? 0 : Math.max(0, now - time)
}
