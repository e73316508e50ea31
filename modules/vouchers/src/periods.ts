/**
 * The calendar period (UTC) a time falls in, as used for usage limits:
 * `2026-03-05` (day), `2026-W10` (ISO 8601 week) or `2026-03` (month).
 *
 * @example periodOf('2026-03-05T10:00:00.000Z', 'week') // '2026-W10'
 */
export function periodOf(time: string, period: 'day' | 'week' | 'month'): string {
  if (period === 'day') return time.slice(0, 10)
  if (period === 'month') return time.slice(0, 7)
  // ISO week: the week with the year's first Thursday is week 1.
  const date = new Date(`${time.slice(0, 10)}T00:00:00.000Z`)
  const weekday = (date.getUTCDay() + 6) % 7
  date.setUTCDate(date.getUTCDate() - weekday + 3)
  const year = date.getUTCFullYear()
  const firstThursday = new Date(Date.UTC(year, 0, 4))
  const week =
    1 +
    Math.round(
      (date.getTime() - firstThursday.getTime()) / 86_400_000 / 7 - (((firstThursday.getUTCDay() + 6) % 7) - 3) / 7,
    )
  return `${year}-W${String(week).padStart(2, '0')}`
}
