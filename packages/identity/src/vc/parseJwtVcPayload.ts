import { IdentityError } from '../errors.js'
import type { JwtVcPayload } from './types.js'

/**
 * Checks that an untrusted JWT payload is a JWT VC whose registered claims
 * agree with its `vc` (W3C VC-JWT §6.3.1, EBSI_JWT_VC_001): `iss`=issuer,
 * `sub`=subject id, `jti`=id, `nbf`=validFrom, `exp`=expirationDate.
 * Reports every problem at once as `CREDENTIAL_MALFORMED`.
 *
 * @example const payload = parseJwtVcPayload(decodeJwt(jwt).payload)
 */
export function parseJwtVcPayload(payload: Record<string, unknown>): JwtVcPayload {
  const vc = payload.vc as Record<string, unknown> | undefined
  if (vc === null || typeof vc !== 'object' || Array.isArray(vc)) {
    throw new IdentityError('CREDENTIAL_MALFORMED', 'JWT has no vc object')
  }
  const issues = [...claimIssues(payload, vc), ...credentialIssues(vc)]
  if (issues.length > 0) {
    throw new IdentityError('CREDENTIAL_MALFORMED', `JWT VC is malformed: ${issues.join('; ')}`, {
      details: { issues },
    })
  }
  return payload as unknown as JwtVcPayload
}

function claimIssues(payload: Record<string, unknown>, vc: Record<string, unknown>): string[] {
  const issues: string[] = []
  const subject = vc.credentialSubject as Record<string, unknown> | undefined
  if (typeof payload.iss !== 'string' || payload.iss !== vc.issuer) issues.push('iss must equal vc.issuer')
  if (payload.sub !== (subject?.id ?? undefined)) issues.push('sub must equal vc.credentialSubject.id')
  if (typeof payload.jti !== 'string' || payload.jti !== vc.id) issues.push('jti must equal vc.id')
  if (!isNumericDate(payload.iat)) issues.push('iat must be a NumericDate')
  if (!isNumericDate(payload.nbf) || payload.nbf !== seconds(vc.validFrom)) issues.push('nbf must equal vc.validFrom')
  if (payload.exp !== undefined && !isNumericDate(payload.exp)) issues.push('exp must be a NumericDate')
  const expiry = vc.expirationDate ?? vc.validUntil
  if (expiry !== undefined && payload.exp !== seconds(expiry)) issues.push('exp must equal vc.expirationDate')
  return issues
}

function credentialIssues(vc: Record<string, unknown>): string[] {
  const issues: string[] = []
  if (!Array.isArray(vc['@context']) || !vc['@context'].every((c) => typeof c === 'string')) {
    issues.push('@context must be an array of strings')
  }
  if (!Array.isArray(vc.type) || vc.type.length === 0 || !vc.type.every((t) => typeof t === 'string')) {
    issues.push('type must be a non-empty array of strings')
  } else if (!vc.type.includes('VerifiableCredential')) issues.push('type must include VerifiableCredential')
  const subject = vc.credentialSubject
  if (subject === null || typeof subject !== 'object' || Array.isArray(subject)) {
    issues.push('credentialSubject must be one object')
  }
  if (!listOf(vc.credentialSchema).every(isIdAndType) || vc.credentialSchema === undefined) {
    issues.push('credentialSchema must be {id, type} or a list of them')
  }
  for (const name of ['issuanceDate', 'validFrom'] as const) {
    if (Number.isNaN(seconds(vc[name]))) issues.push(`${name} must be a date-time`)
  }
  return issues
}

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value]
}

function isIdAndType(value: unknown): boolean {
  const v = value as Record<string, unknown> | null
  return v !== null && typeof v === 'object' && typeof v.id === 'string' && typeof v.type === 'string'
}

function isNumericDate(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
}

/** Seconds of an ISO date-time string; NaN for anything else. */
export function seconds(value: unknown): number {
  if (typeof value !== 'string' || value.length > 64) return Number.NaN
  return Math.floor(Date.parse(value) / 1000)
}
