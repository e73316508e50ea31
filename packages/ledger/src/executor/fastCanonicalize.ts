import { canonicalize } from '@tabularium/core'

/**
 * JCS (RFC 8785) of a JSON value, as `canonicalize` from @tabularium/core
 * gives it, written for the hot path: no intermediate arrays or reducers.
 * Anything beyond plain JSON (toJSON, undefined members, non-finite numbers,
 * class instances) is handed to `canonicalize`, which defines the result and
 * the errors. A property test pins the two to each other.
 *
 * @example fastCanonicalize({ b: 1, a: 'x' }) // '{"a":"x","b":1}'
 */
export function fastCanonicalize(value: unknown): string {
  const text = serialize(value)
  return text ?? canonicalize(value)
}

// undefined means "not plain JSON here": the caller falls back.
function serialize(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value)
    case 'number':
      // ECMAScript's Number::toString is JCS's number form (RFC 8785 §3.2.2.3).
      return Number.isFinite(value) ? JSON.stringify(value) : undefined
    case 'boolean':
      return value ? 'true' : 'false'
    case 'object':
      if (value === null) return 'null'
      if (Array.isArray(value)) return serializeArray(value)
      return Object.getPrototypeOf(value) === Object.prototype
        ? serializeObject(value as Record<string, unknown>)
        : undefined
    default:
      return undefined
  }
}

function serializeArray(values: unknown[]): string | undefined {
  let out = '['
  for (let i = 0; i < values.length; i++) {
    const item = serialize(values[i])
    if (item === undefined) return undefined
    out += i === 0 ? item : `,${item}`
  }
  return `${out}]`
}

function serializeObject(object: Record<string, unknown>): string | undefined {
  if (typeof object.toJSON === 'function') return undefined
  // JCS sorts member names by UTF-16 code units: the default sort order.
  const keys = Object.keys(object).sort()
  let out = '{'
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string
    const item = serialize(object[key])
    if (item === undefined) return undefined
    out += `${i === 0 ? '' : ','}${JSON.stringify(key)}:${item}`
  }
  return `${out}}`
}
