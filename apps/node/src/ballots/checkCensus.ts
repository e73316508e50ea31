import { canonicalize, isBaseError, sha256, toBase64Url, toHex, utf8 } from '@tabularium/core'
import { verifyCredential } from '@tabularium/identity'
import type { CensusDef } from '@tabularium/module-ballots/client'
import { ProtocolError } from '@tabularium/protocol'
import type { IdentityContext } from '../identity/identityContext.js'

/** How a voter proves they are in the census: a one-time postal code, or an SD-JWT VC presentation. */
export type CensusProof = { kind: 'code'; code: string } | { kind: 'credential'; presentation: string }

// Registered claim names of an SD-JWT VC that are not the subject's claims.
const REGISTERED = new Set(['iss', 'sub', 'vct', 'iat', 'nbf', 'exp', 'cnf', 'status', '_sd_alg', 'jti', 'aud'])

/**
 * The key-binding nonce of a token request: base64url SHA-256 of the blinded
 * message. The presentation is thus bound to this one request (an
 * eavesdropper cannot reuse it with a blinded message of their own), and the
 * desk keeps no session state; replays are stopped by the ledger (one token
 * per census member).
 *
 * @example tokenRequestNonce(blindedMessage)
 */
export function tokenRequestNonce(blindedMessage: string): string {
  return toBase64Url(sha256(utf8(blindedMessage)))
}

/**
 * The census check of the token desk, off the ledger. Answers the census
 * member hash that `ballots.issueToken` records:
 * - list census: SHA-256 of the one-time code (the ledger checks it is in the list);
 * - credential census: verifies the SD-JWT VC presentation (issuer registered
 *   and accredited, status, schema, key binding to `audience` and the
 *   request's nonce), requires the census's credential type, and exactly the
 *   census's claims disclosed with their values — a presentation that
 *   discloses more (a birth date, a name) is refused, so the desk never learns
 *   more than eligibility. The member hash is SHA-256 of
 *   `<process>/<issuer>/<subject, or JCS of the holder key>`: one token per
 *   credential. (A person holding two credentials from the issuer would get
 *   two; the issuer issues one residency credential per person.)
 *
 * @example const member = await checkCensus({ process: 'pb-2026', census, proof, identity, audience, nonce })
 */
export async function checkCensus(p: {
  process: string
  census: CensusDef
  proof: CensusProof
  identity: IdentityContext
  base: string
  audience: string
  nonce: string
}): Promise<string> {
  const { census, proof } = p
  if (census.kind === 'list') {
    if (proof.kind !== 'code')
      throw new ProtocolError('NOT_IN_CENSUS', `${p.process} has a list census: give the one-time code sent by post`)
    return toHex(sha256(utf8(proof.code.trim().toUpperCase())))
  }
  if (proof.kind !== 'credential')
    throw new ProtocolError(
      'NOT_IN_CENSUS',
      `${p.process} has a credential census: present a ${census.credentialType} credential`,
    )
  let verified: Awaited<ReturnType<typeof verifyCredential>>
  try {
    verified = await verifyCredential({
      ...p.identity.verification(p.base),
      now: p.identity.now(),
      credential: proof.presentation,
      keyBinding: { audience: p.audience, nonce: p.nonce },
    })
  } catch (error) {
    if (!isBaseError(error)) throw error
    throw new ProtocolError('PRESENTATION_REJECTED', `the presentation does not verify: ${error.message}`, {
      cause: error,
      details: { reason: error.code },
    })
  }
  if (verified.format !== 'sd_jwt_vc' || verified.holderJwk === undefined)
    throw new ProtocolError('PRESENTATION_REJECTED', 'present an SD-JWT VC with key binding')
  if (!verified.types.includes(census.credentialType))
    throw new ProtocolError('NOT_IN_CENSUS', `the census needs a ${census.credentialType} credential`)
  assertClaims(census.claims, verified.claims)
  const holder = verified.subject ?? canonicalize(verified.holderJwk as never)
  return toHex(sha256(utf8(`${p.process}/${verified.issuer}/${holder}`)))
}

function assertClaims(wanted: Record<string, unknown>, disclosed: Record<string, unknown>): void {
  const names = Object.keys(disclosed).filter((name) => !REGISTERED.has(name))
  const extra = names.filter((name) => !(name in wanted))
  if (extra.length > 0) {
    throw new ProtocolError(
      'PRESENTATION_REJECTED',
      `disclose only ${Object.keys(wanted).join(', ')}; not ${extra.join(', ')}`,
      {
        details: { extra },
      },
    )
  }
  const missing = Object.keys(wanted).filter((name) => !(name in disclosed))
  if (missing.length > 0)
    throw new ProtocolError('PRESENTATION_REJECTED', `the presentation does not disclose ${missing.join(', ')}`, {
      details: { missing },
    })
  const differing = Object.keys(wanted).filter((name) => disclosed[name] !== wanted[name])
  if (differing.length > 0)
    throw new ProtocolError('NOT_IN_CENSUS', `the credential does not meet the census: ${differing.join(', ')}`, {
      details: { claims: differing },
    })
}
