import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto'
import { toBase64Url } from '@tabularium/core'
import { ProtocolError } from '@tabularium/protocol'
import { createTtlStore, type TtlStore } from '../ttlStore.js'
import type { VaultRecordRef } from './residencyVault.js'

/** OpenID4VCI's grant type of the pre-authorised code flow. */
export const PRE_AUTHORIZED_GRANT = 'urn:ietf:params:oauth:grant-type:pre-authorized_code'

/** A credential offer: what will be issued, with which claims, once its code is redeemed. */
export interface Offer {
  id: string
  configurationIds: string[]
  claims: Record<string, unknown>
  /** SHA-256 of the pre-authorised code (the code itself is only in the offer JSON). */
  codeHash: string
  preAuthorizedCode: string
  /** The transaction code the holder must type (given out of band), if any. */
  txCode: string | undefined
  attempts: number
  redeemed: boolean
  created: string
  /** The personal data of the request in the vault, read (and logged) when the credential is issued. */
  vaultRecord?: VaultRecordRef
  /** The `issuer_state` of the offer's `authorization_code` grant (clerk-approved offers), if any. */
  issuerState?: string
}

/** An access token's grant. */
export interface Grant {
  offerId: string
  configurationIds: string[]
  claims: Record<string, unknown>
  cNonce: string
  issued: string[]
  vaultRecord?: VaultRecordRef
}

/** A citizen's request for a credential, waiting for a clerk. */
export interface CredentialRequest {
  id: string
  configurationId: string
  /** Every configuration asked for (the first is `configurationId`), e.g. a JWT VC and an SD-JWT VC. */
  configurationIds: string[]
  claims: Record<string, unknown>
  status: 'pending' | 'approved' | 'rejected'
  created: string
  offerId: string | undefined
  approvedBy: string | undefined
  /** The personal data in the vault (under the citizen's did:key) instead of `claims`. */
  vaultRecord?: VaultRecordRef
}

/** The issuer's short-lived protocol state (memory; lost on restart, by design of one-time codes). */
export interface IssuerState {
  offers: TtlStore<Offer>
  codes: TtlStore<string>
  tokens: TtlStore<Grant>
  requests: TtlStore<CredentialRequest>
  commandNonces: TtlStore<true>
  /** SHA-256 of an offer's `issuer_state` → the offer id (authorisation code flow). */
  issuerStates: TtlStore<string>
  /** SHA-256 of an authorisation code → what it was issued for (single use, 10 minutes). */
  authorizationCodes: TtlStore<AuthorizationCode>
}

/** An authorisation code of the authorisation code flow (RFC 6749 §4.1, PKCE RFC 7636). */
export interface AuthorizationCode {
  offerId: string
  clientId: string
  redirectUri: string
  /** The S256 code challenge: base64url(SHA-256(code_verifier)). */
  codeChallenge: string
  configurationIds: string[]
}

/** Lifetimes (OpenID4VCI leaves them to the issuer). */
export const LIFETIMES = {
  offerMs: 24 * 3600_000,
  tokenMs: 10 * 60_000,
  requestMs: 7 * 24 * 3600_000,
  authorizationCodeMs: 10 * 60_000,
} as const
/** Wrong transaction codes before an offer is voided. */
export const MAX_TX_CODE_ATTEMPTS = 5

/** Fresh stores. @example const state = createIssuerState() */
export function createIssuerState(): IssuerState {
  return {
    offers: createTtlStore({ ttlMs: LIFETIMES.offerMs, max: 10_000 }),
    codes: createTtlStore({ ttlMs: LIFETIMES.offerMs, max: 10_000 }),
    tokens: createTtlStore({ ttlMs: LIFETIMES.tokenMs, max: 10_000 }),
    requests: createTtlStore({ ttlMs: LIFETIMES.requestMs, max: 10_000 }),
    commandNonces: createTtlStore({ ttlMs: 10 * 60_000, max: 100_000 }),
    issuerStates: createTtlStore({ ttlMs: LIFETIMES.offerMs, max: 10_000 }),
    authorizationCodes: createTtlStore({ ttlMs: LIFETIMES.authorizationCodeMs, max: 10_000 }),
  }
}

/** A random URL-safe secret of 32 bytes. */
export const secret = (): string => toBase64Url(randomBytes(32))
/** SHA-256 hex, to key stores by secrets without keeping them comparable by timing. */
export const hashOf = (text: string): string => createHash('sha256').update(text).digest('hex')

/**
 * Creates an offer with a pre-authorised code and, when asked, a 6-digit
 * transaction code (to hand to the holder out of band: on the clerk's screen).
 *
 * @example const { offer, txCode } = createOffer(state, { configurationIds: ['ResidencyCredential_sd_jwt'], claims, txCode: true })
 */
export function createOffer(
  state: IssuerState,
  p: {
    configurationIds: string[]
    claims: Record<string, unknown>
    txCode: boolean
    now: Date
    vaultRecord?: VaultRecordRef | undefined
    /** Also offer the authorisation code flow (an `authorization_code` grant with an `issuer_state`). */
    authorizationCode?: boolean | undefined
  },
): { offer: Offer; txCode: string | undefined } {
  const preAuthorizedCode = secret()
  const txCode = p.txCode ? String(randomInt(0, 1_000_000)).padStart(6, '0') : undefined
  const offer: Offer = {
    id: toBase64Url(randomBytes(16)),
    configurationIds: p.configurationIds,
    claims: p.claims,
    codeHash: hashOf(preAuthorizedCode),
    preAuthorizedCode,
    txCode,
    attempts: 0,
    redeemed: false,
    created: p.now.toISOString(),
    ...(p.vaultRecord === undefined ? {} : { vaultRecord: p.vaultRecord }),
    ...(p.authorizationCode === true ? { issuerState: secret() } : {}),
  }
  state.offers.set(offer.id, offer)
  state.codes.set(offer.codeHash, offer.id)
  if (offer.issuerState !== undefined) state.issuerStates.set(hashOf(offer.issuerState), offer.id)
  return { offer, txCode }
}

/** The credential offer object (OpenID4VCI draft 13 §4.1.1). */
export function offerJson(offer: Offer, base: string): Record<string, unknown> {
  const grant: Record<string, unknown> = { 'pre-authorized_code': offer.preAuthorizedCode }
  if (offer.txCode !== undefined) {
    grant.tx_code = { input_mode: 'numeric', length: 6, description: 'The code the clerk gave you' }
  }
  const grants: Record<string, unknown> = { [PRE_AUTHORIZED_GRANT]: grant }
  if (offer.issuerState !== undefined) grants.authorization_code = { issuer_state: offer.issuerState }
  return { credential_issuer: base, credential_configuration_ids: offer.configurationIds, grants }
}

/** The offer's `credential_offer_uri` and its QR-able `openid-credential-offer://` link. */
export function offerLinks(offer: Offer, base: string): { uri: string; link: string } {
  const uri = `${base}/v1/oid4vci/offers/${offer.id}`
  return { uri, link: `openid-credential-offer://?credential_offer_uri=${encodeURIComponent(uri)}` }
}

/** An OAuth error (RFC 6749 §5.2) for the token and credential endpoints. */
export class OAuthError extends Error {
  constructor(
    readonly error: string,
    readonly description: string,
    readonly status = 400,
  ) {
    super(description)
  }
}

/**
 * Redeems a pre-authorised code (RFC 6749 token request, OpenID4VCI §6):
 * single use; the transaction code compared in constant time; the offer is
 * voided after 5 wrong codes. Answers the token response.
 *
 * @example redeemCode(state, { code, txCode: '123456' })
 */
export function redeemCode(state: IssuerState, p: { code: unknown; txCode: unknown }): Record<string, unknown> {
  if (typeof p.code !== 'string' || p.code.length > 256)
    throw new OAuthError('invalid_request', 'pre-authorized_code is missing')
  const offerId = state.codes.get(hashOf(p.code))
  const offer = offerId === undefined ? undefined : state.offers.get(offerId)
  if (offer === undefined || offer.redeemed)
    throw new OAuthError('invalid_grant', 'the code is unknown, expired or used')
  if (offer.txCode !== undefined && !sameText(offer.txCode, p.txCode)) {
    offer.attempts += 1
    if (offer.attempts >= MAX_TX_CODE_ATTEMPTS) state.codes.delete(offer.codeHash)
    throw new OAuthError('invalid_grant', 'the transaction code is wrong')
  }
  return issueToken(state, offer, offer.configurationIds)
}

/**
 * Redeems an offer (by either grant): voids its codes and `issuer_state`,
 * and answers the token response for the granted configurations.
 *
 * @example return issueToken(state, offer, offer.configurationIds)
 */
export function issueToken(state: IssuerState, offer: Offer, configurationIds: string[]): Record<string, unknown> {
  offer.redeemed = true
  state.codes.delete(offer.codeHash)
  if (offer.issuerState !== undefined) state.issuerStates.delete(hashOf(offer.issuerState))
  const accessToken = secret()
  const grant: Grant = {
    offerId: offer.id,
    configurationIds,
    claims: offer.claims,
    cNonce: secret(),
    issued: [],
    ...(offer.vaultRecord === undefined ? {} : { vaultRecord: offer.vaultRecord }),
  }
  state.tokens.set(hashOf(accessToken), grant)
  return {
    access_token: accessToken,
    token_type: 'bearer',
    expires_in: LIFETIMES.tokenMs / 1000,
    c_nonce: grant.cNonce,
    c_nonce_expires_in: LIFETIMES.tokenMs / 1000,
  }
}

/** Compares a secret in constant time (for equal lengths; the length is not secret). */
export function sameText(expected: string, given: unknown): boolean {
  if (typeof given !== 'string' || given.length !== expected.length) return false
  return timingSafeEqual(Buffer.from(expected), Buffer.from(given))
}

/** Refuses with a catalogued code when a command names unknown configurations. */
export function assertConfigurations(ids: readonly string[], known: readonly { id: string }[]): void {
  for (const id of ids) {
    if (!known.some((c) => c.id === id)) {
      throw new ProtocolError('INVALID_REQUEST', 'unknown credential configuration', {
        details: { configurationId: id },
      })
    }
  }
}
