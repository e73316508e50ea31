import { IdentityError } from '../errors.js'
import type { IsAccredited, SchemaRegistry, SchemaValidator } from './types.js'

/**
 * Checks the validity window: `NOT_YET_VALID` before `nbf`, `EXPIRED` after `exp`.
 *
 * @example checkValidity({ nbf: 1700000000, exp: undefined, now, clockTolerance: 0 })
 */
export function checkValidity(p: { nbf: number; exp: number | undefined; now: Date; clockTolerance: number }): void {
  const now = p.now.getTime() / 1000
  if (p.nbf > now + p.clockTolerance) {
    throw new IdentityError('NOT_YET_VALID', 'credential is not valid yet', { details: { validFrom: iso(p.nbf) } })
  }
  if (p.exp !== undefined && p.exp < now - p.clockTolerance) {
    throw new IdentityError('EXPIRED', 'credential has expired', { details: { validUntil: iso(p.exp) } })
  }
}

function iso(seconds: number): string {
  return new Date(seconds * 1000).toISOString()
}

/**
 * Asks the trusted-issuers registry about every specific type of the
 * credential; `ISSUER_NOT_ACCREDITED` when one is refused.
 *
 * @example await checkAccreditation({ issuer, types: ['ResidencyCredential'], termsOfUse, isAccredited })
 */
export async function checkAccreditation(p: {
  issuer: string
  types: readonly string[]
  termsOfUse: unknown
  isAccredited: IsAccredited
}): Promise<void> {
  for (const type of p.types) {
    if (!(await p.isAccredited({ issuer: p.issuer, type, termsOfUse: p.termsOfUse }))) {
      throw new IdentityError('ISSUER_NOT_ACCREDITED', `issuer is not accredited for ${type}`, {
        details: { issuer: p.issuer, type },
      })
    }
  }
}

/**
 * Validates `value` against each schema id: `SCHEMA_UNKNOWN` for an id not in
 * the registry, `SCHEMA_MISMATCH` with the issues when it does not conform.
 *
 * @example checkSchemas({ ids: [schemaUrl], value: vc, schemas })
 */
export function checkSchemas(p: { ids: readonly string[]; value: unknown; schemas: SchemaRegistry }): void {
  for (const id of p.ids) {
    const validate = lookup(p.schemas, id)
    if (validate === undefined)
      throw new IdentityError('SCHEMA_UNKNOWN', 'credential schema is not known', { details: { schema: id } })
    const issues = validate(p.value)
    if (issues.length > 0) {
      throw new IdentityError('SCHEMA_MISMATCH', 'credential does not match its schema', {
        details: { schema: id, issues: [...issues] },
      })
    }
  }
}

function lookup(schemas: SchemaRegistry, id: string): SchemaValidator | undefined {
  if (schemas instanceof Map) return schemas.get(id)
  // Object.hasOwn: an id such as "constructor" or "__proto__" is not a schema.
  const record = schemas as Readonly<Record<string, SchemaValidator>>
  return Object.hasOwn(record, id) ? record[id] : undefined
}
