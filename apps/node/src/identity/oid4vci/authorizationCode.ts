import { createHash } from 'node:crypto'
import { toBase64Url } from '@tabularium/core'
import {
  type AuthorizationCode,
  hashOf,
  type IssuerState,
  issueToken,
  MAX_TX_CODE_ATTEMPTS,
  OAuthError,
  type Offer,
  sameText,
  secret,
} from './issuerState.js'

/** RFC 7636 §4.1: 43–128 unreserved characters. */
const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/
/** An S256 challenge: base64url (no padding) of a SHA-256 digest. */
const S256_CHALLENGE = /^[A-Za-z0-9_-]{43}$/

/** An authorisation request that failed after the redirect URI was trusted: answered by redirect (RFC 6749 §4.1.2.1). */
export class AuthorizeRedirectError extends OAuthError {}

/**
 * The holder has not typed the clerk's transaction code yet: the endpoint
 * answers a form asking for it (the offer alone must not be enough, or anyone
 * holding the offer link could take the credential).
 */
export class TransactionCodeNeeded extends Error {
  constructor(readonly wrong: boolean) {
    super(wrong ? 'the transaction code is wrong' : 'the transaction code is needed')
  }
}

/**
 * The authorisation endpoint of the authorisation code flow (RFC 6749 §4.1,
 * PKCE S256 only, OpenID4VCI draft 13 §5): the holder is authenticated by the
 * `issuer_state` of an offer a clerk approved; `scope` or
 * `authorization_details` may narrow what is authorised to some of the
 * offer's configurations. Answers the code to send to `redirect_uri`.
 * Errors before the holder is authenticated are `OAuthError` (never
 * redirected: no open redirector); after, `AuthorizeRedirectError`.
 *
 * @example const { code } = authorize(state, Object.fromEntries(url.searchParams))
 */
export function authorize(state: IssuerState, params: Record<string, string | undefined>): { code: string } {
  const { client_id: clientId, redirect_uri: redirectUri, issuer_state: issuerState } = params
  if (!isText(clientId, 256)) throw new OAuthError('invalid_request', 'client_id is required')
  if (!isRedirectUri(redirectUri)) throw new OAuthError('invalid_request', 'redirect_uri must be an absolute URI')
  if (!isText(issuerState, 256)) {
    throw new OAuthError(
      'invalid_request',
      'issuer_state is required: the holder is authenticated by an approved offer',
    )
  }
  const offer = offerOf(state, issuerState)
  if (offer === undefined) throw new OAuthError('access_denied', 'the issuer_state is unknown, expired or used')
  checkTransactionCode(state, offer, params.tx_code)
  if (params.response_type !== 'code') {
    throw new AuthorizeRedirectError('unsupported_response_type', 'response_type must be code')
  }
  if (params.code_challenge_method !== 'S256') {
    throw new AuthorizeRedirectError('invalid_request', 'code_challenge_method must be S256 (plain is not supported)')
  }
  if (!S256_CHALLENGE.test(params.code_challenge ?? '')) {
    throw new AuthorizeRedirectError('invalid_request', 'code_challenge must be a base64url SHA-256 digest')
  }
  const code = secret()
  const record: AuthorizationCode = {
    offerId: offer.id,
    clientId,
    redirectUri,
    codeChallenge: params.code_challenge as string,
    configurationIds: requested(offer, params),
  }
  state.authorizationCodes.set(hashOf(code), record)
  return { code }
}

/**
 * Redeems an authorisation code at the token endpoint (RFC 6749 §4.1.3,
 * RFC 7636 §4.6): single use (the code is voided at its first redemption,
 * right or wrong), the same `client_id` and `redirect_uri`, and
 * base64url(SHA-256(code_verifier)) equal to the challenge (constant time).
 *
 * @example redeemAuthorizationCode(state, { code, code_verifier, redirect_uri, client_id })
 */
export function redeemAuthorizationCode(state: IssuerState, params: Record<string, unknown>): Record<string, unknown> {
  const { code, code_verifier: verifier, redirect_uri: redirectUri, client_id: clientId } = params
  if (!isText(code, 256)) throw new OAuthError('invalid_request', 'code is required')
  if (typeof verifier !== 'string') throw new OAuthError('invalid_request', 'code_verifier is required')
  if (typeof redirectUri !== 'string') throw new OAuthError('invalid_request', 'redirect_uri is required')
  if (typeof clientId !== 'string') throw new OAuthError('invalid_request', 'client_id is required')
  const key = hashOf(code)
  const record = state.authorizationCodes.get(key)
  state.authorizationCodes.delete(key)
  if (record === undefined) throw new OAuthError('invalid_grant', 'the code is unknown, expired or used')
  if (record.redirectUri !== redirectUri) throw new OAuthError('invalid_grant', 'redirect_uri does not match')
  if (record.clientId !== clientId) throw new OAuthError('invalid_grant', 'the code was issued to another client')
  const challenge = VERIFIER.test(verifier) ? toBase64Url(createHash('sha256').update(verifier).digest()) : ''
  if (!sameText(record.codeChallenge, challenge)) throw new OAuthError('invalid_grant', 'code_verifier does not match')
  const offer = state.offers.get(record.offerId)
  if (offer === undefined || offer.redeemed) throw new OAuthError('invalid_grant', 'the offer is expired or used')
  return issueToken(state, offer, record.configurationIds)
}

// The same rule as the pre-authorised grant: the clerk's code, compared in
// constant time; after MAX_TX_CODE_ATTEMPTS wrong ones the offer's
// issuer_state is voided.
function checkTransactionCode(state: IssuerState, offer: Offer, given: string | undefined): void {
  if (offer.txCode === undefined) return
  if (given === undefined || given === '') throw new TransactionCodeNeeded(false)
  if (sameText(offer.txCode, given)) return
  offer.attempts += 1
  if (offer.attempts >= MAX_TX_CODE_ATTEMPTS && offer.issuerState !== undefined) {
    state.issuerStates.delete(hashOf(offer.issuerState))
  }
  throw new TransactionCodeNeeded(true)
}

function offerOf(state: IssuerState, issuerState: string): Offer | undefined {
  const offerId = state.issuerStates.get(hashOf(issuerState))
  const offer = offerId === undefined ? undefined : state.offers.get(offerId)
  return offer === undefined || offer.redeemed ? undefined : offer
}

// The configurations asked for by scope or authorization_details (all of the offer's when neither is given).
function requested(offer: Offer, params: Record<string, string | undefined>): string[] {
  let ids: string[] | undefined
  if (params.authorization_details !== undefined) {
    let details: unknown
    try {
      details = JSON.parse(params.authorization_details)
    } catch {
      throw new AuthorizeRedirectError('invalid_request', 'authorization_details is not JSON')
    }
    if (!Array.isArray(details) || details.length === 0) {
      throw new AuthorizeRedirectError('invalid_request', 'authorization_details must be a non-empty array')
    }
    ids = details.map((d: { type?: unknown; credential_configuration_id?: unknown }) => {
      if (d?.type !== 'openid_credential' || typeof d.credential_configuration_id !== 'string') {
        throw new AuthorizeRedirectError(
          'invalid_request',
          'authorization_details entries are { type: "openid_credential", credential_configuration_id }',
        )
      }
      return d.credential_configuration_id
    })
  } else if (params.scope !== undefined) {
    ids = params.scope.split(' ').filter((s) => s !== '' && s !== 'openid')
  }
  if (ids === undefined || ids.length === 0) return offer.configurationIds
  if (!ids.every((id) => offer.configurationIds.includes(id))) {
    throw new AuthorizeRedirectError('invalid_scope', 'the request names a credential the offer does not grant')
  }
  return [...new Set(ids)]
}

function isText(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= max
}

function isRedirectUri(value: unknown): value is string {
  if (!isText(value, 2048)) return false
  try {
    const url = new URL(value)
    return url.hash === '' && url.protocol !== 'javascript:' && url.protocol !== 'data:'
  } catch {
    return false
  }
}
