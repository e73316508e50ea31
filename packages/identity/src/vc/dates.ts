/**
 * An XML Schema dateTime in UTC at whole seconds (`2026-01-31T12:00:00Z`):
 * EBSI compares `nbf`/`iat`/`exp` with the VC dates at second precision.
 *
 * @example toDateTime(new Date(0)) // '1970-01-01T00:00:00Z'
 */
export function toDateTime(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`
}

/** Seconds since the epoch (JWT NumericDate, RFC 7519 §2), rounded down. */
export function toNumericDate(date: Date): number {
  return Math.floor(date.getTime() / 1000)
}
