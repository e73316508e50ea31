import { fromBase64Url } from '@tabularium/core'
import { decodeJwt } from '@tabularium/identity'

/** What a person needs to know about a credential, decoded (not verified) from its compact form. */
export interface CredentialView {
  format: 'jwt_vc_json' | 'vc+sd-jwt'
  /** JWT VC: the most specific type; SD-JWT VC: the `vct`. */
  type: string
  issuer: string
  subject: string | undefined
  validFrom: string | undefined
  validUntil: string | undefined
  /** Every claim about the subject (SD-JWT: with every disclosure the wallet holds). */
  claims: Record<string, unknown>
  /** SD-JWT VC: the claims the holder may disclose one by one. */
  disclosable: string[]
  /** JWT VC: the `credentialStatus` entry, if any. */
  status: unknown
}

const GENERIC_TYPES = new Set(['VerifiableCredential', 'VerifiableAttestation'])

/**
 * Decodes a JWT VC or an SD-JWT VC for display. It checks nothing: the
 * wallet shows the status it checks live, and verifiers verify.
 *
 * @example const view = viewCredential(stored.credential)
 */
export function viewCredential(credential: string): CredentialView {
  if (credential.includes('~')) return viewSdJwt(credential)
  const { payload } = decodeJwt(credential)
  const vc = (payload.vc ?? {}) as Record<string, unknown>
  const types = Array.isArray(vc.type) ? (vc.type as string[]) : []
  const subject = { ...((vc.credentialSubject ?? {}) as Record<string, unknown>) }
  const id = typeof subject.id === 'string' ? subject.id : undefined
  delete subject.id
  return {
    format: 'jwt_vc_json',
    type: types.filter((t) => !GENERIC_TYPES.has(t)).at(-1) ?? types.at(-1) ?? 'VerifiableCredential',
    issuer: String(payload.iss ?? vc.issuer ?? ''),
    subject: id,
    validFrom: dateOf(vc.validFrom ?? vc.issuanceDate, payload.nbf),
    validUntil: dateOf(vc.validUntil ?? vc.expirationDate, payload.exp),
    claims: subject,
    disclosable: [],
    status: vc.credentialStatus,
  }
}

function viewSdJwt(credential: string): CredentialView {
  const [jwt = '', ...rest] = credential.split('~')
  const { payload } = decodeJwt(jwt)
  const claims: Record<string, unknown> = {}
  const disclosable: string[] = []
  for (const part of rest) {
    if (part === '' || part.includes('.')) continue
    const decoded = JSON.parse(new TextDecoder().decode(fromBase64Url(part))) as unknown[]
    if (decoded.length === 3 && typeof decoded[1] === 'string') {
      claims[decoded[1]] = decoded[2]
      disclosable.push(decoded[1])
    }
  }
  const reserved = new Set(['iss', 'sub', 'iat', 'nbf', 'exp', 'vct', 'cnf', '_sd', '_sd_alg', 'status', 'jti'])
  for (const [name, value] of Object.entries(payload)) if (!reserved.has(name)) claims[name] = value
  return {
    format: 'vc+sd-jwt',
    type: String(payload.vct ?? ''),
    issuer: String(payload.iss ?? ''),
    subject: typeof payload.sub === 'string' ? payload.sub : undefined,
    validFrom: dateOf(undefined, payload.nbf ?? payload.iat),
    validUntil: dateOf(undefined, payload.exp),
    claims,
    disclosable,
    status: payload.status,
  }
}

function dateOf(iso: unknown, seconds: unknown): string | undefined {
  if (typeof iso === 'string' && !Number.isNaN(Date.parse(iso))) return new Date(iso).toISOString()
  if (typeof seconds === 'number') return new Date(seconds * 1000).toISOString()
  return undefined
}
