import type { Algorithm } from '@tabularium/core'
import type { DidResolver } from '../did/types.js'
import { IdentityError } from '../errors.js'
import { verifyJwt } from '../jwt/verifyJwt.js'
import { parseJwtVcPayload } from '../vc/parseJwtVcPayload.js'
import { getBit } from './bitstring.js'
import { decodeStatusList } from './encodedList.js'

/** How far in the future a fetched status list's `nbf` may be (seconds). */
const STATUS_LIST_SKEW_SECONDS = 60

/** Fetches a status-list credential (a JWT VC) by URL; the node or an HTTP client supplies it. */
export type FetchStatusList = (url: string) => Promise<string>

/** Parameters of `checkCredentialStatus`. */
export interface CheckCredentialStatusParameters {
  /** The untrusted `credentialStatus` entry. */
  entry: unknown
  /** The credential's issuer: a status list only counts when the same issuer signed it. */
  issuer: string
  fetchStatusList: FetchStatusList
  resolveDid: DidResolver
  now: Date
  algorithms?: readonly Algorithm[]
}

const LIST_TYPES: Record<string, string> = {
  StatusList2021Entry: 'StatusList2021Credential',
  BitstringStatusListEntry: 'BitstringStatusListCredential',
}

/**
 * Checks one `credentialStatus` entry (StatusList2021Entry or
 * BitstringStatusListEntry): fetches the list credential, verifies its
 * signature, issuer, type, purpose and validity, and reads the bit. Throws
 * `REVOKED` or `SUSPENDED` for a set bit, `STATUS_UNAVAILABLE` when the
 * status cannot be established (a credential of unknown status is refused).
 *
 * @example await checkCredentialStatus({ entry: vc.credentialStatus, issuer, fetchStatusList, resolveDid, now })
 */
export async function checkCredentialStatus(p: CheckCredentialStatusParameters): Promise<void> {
  const { type, purpose, index, url } = parseEntry(p.entry)
  const subject = await fetchVerifiedList(p, url, LIST_TYPES[type] as string)
  if (subject.statusPurpose !== purpose) {
    throw new IdentityError('STATUS_UNAVAILABLE', 'status list has another statusPurpose than the entry')
  }
  if (getBit(decodeStatusList({ encodedList: subject.encodedList }), index)) {
    const code = purpose === 'revocation' ? 'REVOKED' : 'SUSPENDED'
    throw new IdentityError(code, `credential is ${code.toLowerCase()}`, {
      details: { statusListCredential: url, index },
    })
  }
}

function parseEntry(entry: unknown): { type: string; purpose: string; index: number; url: string } {
  const e = (entry ?? {}) as Record<string, unknown>
  const index = typeof e.statusListIndex === 'string' && /^(0|[1-9][0-9]{0,9})$/.test(e.statusListIndex)
  if (typeof e.type !== 'string' || !Object.hasOwn(LIST_TYPES, e.type) || !index) {
    throw new IdentityError('CREDENTIAL_MALFORMED', 'credentialStatus is not a supported status list entry')
  }
  if (
    (e.statusPurpose !== 'revocation' && e.statusPurpose !== 'suspension') ||
    typeof e.statusListCredential !== 'string'
  ) {
    throw new IdentityError('CREDENTIAL_MALFORMED', 'credentialStatus lacks statusPurpose or statusListCredential')
  }
  return { type: e.type, purpose: e.statusPurpose, index: Number(e.statusListIndex), url: e.statusListCredential }
}

async function fetchVerifiedList(p: CheckCredentialStatusParameters, url: string, listType: string) {
  let jwt: string
  try {
    jwt = await p.fetchStatusList(url)
  } catch (cause) {
    throw new IdentityError('STATUS_UNAVAILABLE', 'status list cannot be fetched', { cause, details: { url } })
  }
  try {
    const { payload } = await verifyJwt({
      jwt,
      signerOf: () => p.issuer,
      purpose: 'assertionMethod',
      resolveDid: p.resolveDid,
      types: ['JWT', 'vc+jwt'],
      ...(p.algorithms === undefined ? {} : { algorithms: p.algorithms }),
    })
    const list = parseJwtVcPayload(payload)
    const now = p.now.getTime() / 1000
    if (list.iss !== p.issuer || list.vc.id !== url || !list.vc.type.includes(listType))
      throw new Error('not the list the entry names')
    // A list is fetched live, so it is often signed a moment after `now`
    // (and its nbf rounded to the second): a list from the next minute is
    // the freshest state, not a forgery. Expired lists are still refused.
    if (list.nbf > now + STATUS_LIST_SKEW_SECONDS || (list.exp !== undefined && list.exp < now))
      throw new Error('status list is outside its validity period')
    return list.vc.credentialSubject
  } catch (cause) {
    throw new IdentityError('STATUS_UNAVAILABLE', 'status list credential does not verify', { cause, details: { url } })
  }
}
