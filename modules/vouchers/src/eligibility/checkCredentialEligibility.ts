import { sha256, toHex, utf8 } from '@tabularium/core'
import { type VerifiedCredential, type VerifyCredentialParameters, verifyCredential } from '@tabularium/identity'
import { fail } from '../fail.js'
import { pseudonymOf } from '../secrets.js'
import type { Fund } from '../types.js'

/** Options of `checkCredentialEligibility`: the fund, the credential and how to verify it. */
export type CheckCredentialEligibilityParameters = Omit<VerifyCredentialParameters, 'credential'> & {
  fund: Fund
  credential: string
  /** The municipality's pseudonym key (see `pseudonymOf`). */
  key: Uint8Array
}

/** What a manager puts in `issueVouchers` after the check: no personal data. */
export type CredentialEligibility = {
  beneficiary: string
  units: number
  evidence: string
  issuer: string
  types: string[]
}

/**
 * Checks, off the ledger, that a credential the applicant presents meets a
 * credential fund's rule: it verifies (signature, validity, accreditation,
 * schema, status — `verifyCredential` of `@tabularium/identity`), carries
 * every type the fund names, comes from a listed issuer (if any), and has a
 * subject. Returns the subject's pseudonym in the fund, the units (from the
 * fund's `unitsClaim`, e.g. `children`) and the credential's digest as
 * evidence — the credential itself never reaches the ledger.
 *
 * @example const e = await checkCredentialEligibility({ fund, credential: jwt, key, now: new Date(), resolveDid, isAccredited, schemas: {}, fetchStatusList })
 */
export async function checkCredentialEligibility(
  p: CheckCredentialEligibilityParameters,
): Promise<CredentialEligibility> {
  if (p.fund.eligibility.kind !== 'credential')
    fail('CONFLICT', `fund ${p.fund.id} does not take credentials`, { fund: p.fund.id })
  const { fund, key, ...options } = p
  const verified = await verifyCredential(options)
  return assessCredential({ fund, key, verified, evidence: toHex(sha256(utf8(p.credential))) })
}

/** Options of `assessCredential`. */
export type AssessCredentialParameters = {
  fund: Fund
  /** A credential that passed `verifyCredential` (or came out of `verifyJwtVp`). */
  verified: Pick<VerifiedCredential, 'issuer' | 'subject' | 'types' | 'claims'>
  /** The municipality's pseudonym key (see `pseudonymOf`). */
  key: Uint8Array
  /** SHA-256 (hex) of what was presented: the evidence `issueVouchers` records. */
  evidence: string
  /**
   * Whom to pseudonymise when the credential names no subject: an SD-JWT VC
   * is about the holder of its `cnf` key, so the caller passes that key's
   * did:key once the key binding has been verified.
   */
  holder?: string
}

/**
 * The fund's rule applied to a credential already verified: every type the
 * fund names, a listed issuer (if any), a subject (or the proven holder);
 * answers the pseudonym, units and evidence for `issueVouchers`.
 * NOT_ELIGIBLE with the reason otherwise.
 *
 * @example const e = assessCredential({ fund, key, verified, evidence, holder: 'did:key:z6Mk…' })
 */
export function assessCredential(p: AssessCredentialParameters): CredentialEligibility {
  const { fund, verified } = p
  const rule = fund.eligibility
  if (rule.kind !== 'credential') fail('CONFLICT', `fund ${fund.id} does not take credentials`, { fund: fund.id })
  const missing = rule.types.filter((type) => !verified.types.includes(type))
  if (missing.length > 0) fail('NOT_ELIGIBLE', `the credential is not a ${missing.join(', ')}`, { missing })
  if (rule.issuers.length > 0 && !rule.issuers.includes(verified.issuer))
    fail('NOT_ELIGIBLE', 'the credential comes from an issuer this fund does not accept', { issuer: verified.issuer })
  const subject = verified.subject ?? p.holder
  if (subject === undefined) fail('NOT_ELIGIBLE', 'the credential names no subject', {})
  const raw = rule.unitsClaim === null ? 0 : verified.claims[rule.unitsClaim]
  const units = typeof raw === 'number' && Number.isInteger(raw) && raw >= 0 ? Math.min(raw, 100) : 0
  return {
    beneficiary: pseudonymOf({ key: p.key, fund: fund.id, id: subject }),
    units,
    evidence: p.evidence,
    issuer: verified.issuer,
    types: verified.types,
  }
}
