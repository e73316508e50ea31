import type { Disclosure } from '@sd-jwt/utils'
import { IdentityError } from '../errors.js'

const MAX_DEPTH = 32

/**
 * Rebuilds the claims of an SD-JWT from its signed payload and disclosures
 * (RFC 9901 §7.1), refusing with `DISCLOSURE_INVALID` what the `@sd-jwt`
 * decoder lets through: a disclosure no digest references, a digest used
 * twice, a disclosed name that overwrites a signed claim or is `_sd`/`...`,
 * and an object disclosure inside an array (or the reverse).
 *
 * @example const claims = revealClaims({ payload, disclosures })
 */
export function revealClaims(p: {
  payload: Record<string, unknown>
  disclosures: readonly Disclosure[]
}): Record<string, unknown> {
  const byDigest = new Map<string, Disclosure>()
  for (const d of p.disclosures) {
    if (typeof d.salt !== 'string' || d._digest === undefined || byDigest.has(d._digest))
      invalid('duplicate or malformed disclosure')
    byDigest.set(d._digest as string, d)
  }
  const used = new Set<string>()
  const claims = reveal(p.payload, byDigest, used, 0) as Record<string, unknown>
  if (used.size !== byDigest.size) invalid('a disclosure is not referenced by any digest')
  delete claims._sd_alg
  return claims
}

function reveal(value: unknown, byDigest: Map<string, Disclosure>, used: Set<string>, depth: number): unknown {
  if (depth > MAX_DEPTH) invalid('claims are nested too deeply')
  if (Array.isArray(value)) return value.flatMap((item) => revealElement(item, byDigest, used, depth))
  if (value === null || typeof value !== 'object') return value
  const object = value as Record<string, unknown>
  const out: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(object)) {
    if (key === '...') invalid('"..." outside an array')
    if (key !== '_sd') define(out, key, reveal(item, byDigest, used, depth + 1))
  }
  if (object._sd === undefined) return out
  if (!Array.isArray(object._sd)) invalid('_sd must be an array')
  for (const digest of object._sd as unknown[]) {
    const d = take(digest, byDigest, used)
    if (d === undefined) continue // a decoy, or a claim the holder withheld
    if (typeof d.key !== 'string' || d.key === '_sd' || d.key === '...') invalid('object disclosure needs a claim name')
    if (Object.hasOwn(out, d.key as string)) invalid(`disclosed claim ${d.key} is already in the payload`)
    define(out, d.key as string, reveal(d.value, byDigest, used, depth + 1))
  }
  return out
}

function revealElement(item: unknown, byDigest: Map<string, Disclosure>, used: Set<string>, depth: number): unknown[] {
  const o = item as Record<string, unknown> | null
  if (o === null || typeof o !== 'object' || Array.isArray(o) || !Object.hasOwn(o, '...')) {
    return [reveal(item, byDigest, used, depth + 1)]
  }
  if (Object.keys(o).length !== 1) invalid('an array element digest must stand alone')
  const d = take(o['...'], byDigest, used)
  if (d === undefined) return []
  if (d.key !== undefined) invalid('array element disclosure must not have a claim name')
  return [reveal(d.value, byDigest, used, depth + 1)]
}

function take(digest: unknown, byDigest: Map<string, Disclosure>, used: Set<string>): Disclosure | undefined {
  if (typeof digest !== 'string') invalid('digest must be a string')
  if (used.has(digest as string)) invalid('digest is referenced twice')
  const d = byDigest.get(digest as string)
  if (d !== undefined) used.add(digest as string)
  return d
}

// defineProperty, not assignment: a hostile "__proto__" claim stays a claim.
function define(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
}

function invalid(message: string): never {
  throw new IdentityError('DISCLOSURE_INVALID', message)
}
