import { buildTransaction, signTransaction } from '@tabularium/sdk'
import { ApiError, getJson } from '../api/client.js'
import { type StoredKey, signBytes } from '../lib/keys.js'

/** The credential configurations of a residency request: a revocable JWT VC and a selectively disclosable SD-JWT VC. */
export const RESIDENCY_CONFIGURATIONS = ['ResidencyCredential_jwt_vc_json', 'ResidencyCredential_sd_jwt'] as const

/** A citizen's credential request as the node answers it. */
export interface CredentialRequestView {
  id: string
  configurationId: string
  configurationIds?: string[]
  status: 'pending' | 'approved' | 'rejected'
  created: string
  offer: { uri: string; link: string } | null
}

/** A pending request in the clerk's queue. */
export interface PendingRequest {
  id: string
  configurationId: string
  configurationIds?: string[]
  claims: Record<string, unknown>
  created: string
}

/** The answer to a clerk's approval: the offer and the transaction code to hand over. */
export interface Approval {
  offerId: string
  uri: string
  link: string
  txCode: string | null
}

/** Sends JSON (or a form) and reads the JSON answer; node errors and OAuth errors become `ApiError`. */
export async function send<T>(url: string, body: unknown, { form = false, bearer = '' } = {}): Promise<T> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json',
  }
  if (bearer) headers.authorization = `Bearer ${bearer}`
  let response: Response
  try {
    response = await fetch(url, {
      method: 'POST',
      headers,
      body: form ? new URLSearchParams(body as Record<string, string>).toString() : JSON.stringify(body),
    })
  } catch (cause) {
    throw new ApiError('NETWORK', String(cause), 0)
  }
  const parsed = (await response.json().catch(() => ({}))) as Record<string, unknown>
  if (!response.ok) {
    const error = parsed.error as { code?: string; message?: string } | string | undefined
    if (typeof error === 'string') {
      throw new ApiError(error, String(parsed.error_description ?? error), response.status)
    }
    throw new ApiError(error?.code ?? 'HTTP_ERROR', error?.message ?? `HTTP ${response.status}`, response.status)
  }
  return parsed as T
}

/**
 * A signed command (architecture: a transaction envelope with `module:
 * 'oid4vci'`, executed by the node, never logged), signed in this browser.
 */
export async function signedCommand(p: {
  key: StoredKey
  network: string
  action: string
  args: Record<string, unknown>
  /** The envelope's pseudo-module (default `oid4vci`). */
  module?: string
}): Promise<unknown> {
  const tx = buildTransaction({
    network: p.network,
    module: p.module ?? 'oid4vci',
    action: p.action,
    args: p.args,
    signer: p.key.did,
    expiresInMs: 5 * 60_000,
  })
  return signTransaction({ tx, sign: (bytes) => signBytes(p.key, bytes) })
}

/**
 * The citizen asks for a residency credential; the clerk sees the claims.
 * With `subject` (the wallet's did:key) the node keeps them in its vault,
 * where every read is logged ("who used my data").
 */
export function requestCredential(claims: Record<string, unknown>, subject?: string): Promise<CredentialRequestView> {
  return send('/v1/oid4vci/requests', {
    configurationIds: RESIDENCY_CONFIGURATIONS,
    claims,
    ...(subject === undefined ? {} : { subject }),
  })
}

/** One logged use of the citizen's data (a `vault.accessLogged` ledger event). */
export interface AccessLogItem {
  index: number
  txid: string
  time: string
  type: 'accessLogged' | 'erased'
  organisation: string
  /** The reader's did:tab, when the node knows it (its own issuer). */
  organisationDid?: string
  purpose: string | null
  kind: string | null
}

/** "Who used my data": the wallet proves its did:key with a signed command and gets the logged reads. */
export async function listMyDataUse(key: StoredKey, network: string): Promise<AccessLogItem[]> {
  const body = await signedCommand({ key, network, module: 'vault-citizen', action: 'accessLog', args: {} })
  return (await send<{ items: AccessLogItem[] }>('/v1/vault/access-log', body)).items
}

/** Polls a request by its id (the id is the capability). */
export function getRequest(id: string): Promise<CredentialRequestView> {
  return getJson(`/v1/oid4vci/requests/${encodeURIComponent(id)}`)
}

/** The clerk's queue. */
export async function listPending(key: StoredKey, network: string): Promise<PendingRequest[]> {
  const body = await signedCommand({ key, network, action: 'listPendingRequests', args: {} })
  return (await send<{ items: PendingRequest[] }>('/v1/oid4vci/requests/pending', body)).items
}

/** The clerk approves a request with the claims they checked. */
export async function approveRequest(p: {
  key: StoredKey
  network: string
  id: string
  claims: Record<string, unknown>
}): Promise<Approval> {
  const body = await signedCommand({
    key: p.key,
    network: p.network,
    action: 'approveRequest',
    args: { id: p.id, claims: p.claims },
  })
  return send(`/v1/oid4vci/requests/${encodeURIComponent(p.id)}/approve`, body)
}

/** Resolves a DID (did:tab from the registry; `at` for the document valid then). */
export function resolveDidDocument(did: string, at?: string): Promise<DidResolution> {
  const query = at ? `?at=${encodeURIComponent(at)}` : ''
  return getJson(`/v1/registry/dids/${encodeURIComponent(did)}${query}`)
}

/** A W3C DID Resolution result. */
export interface DidResolution {
  didDocument: DidDocumentView | null
  didDocumentMetadata: {
    created?: string
    updated?: string
    version?: number
    deactivated?: boolean
    organisation?: string | null
  }
}

/** The parts of a DID document the pages show. */
export interface DidDocumentView {
  id: string
  controller?: string[]
  verificationMethod?: { id: string; type: string; publicKeyJwk?: Record<string, string> }[]
  assertionMethod?: string[]
  authentication?: string[]
  service?: { id: string; type: string; serviceEndpoint: string }[]
}

/** An `ApiError`'s code, or NETWORK. */
export function codeOf(error: unknown): string {
  return error instanceof ApiError ? error.code : 'NETWORK'
}

/** An entry of the trusted-issuers registry. */
export interface AccreditationView {
  id: string
  subject: string
  kind: 'RootTAO' | 'TAO' | 'TI'
  credentialTypes: string[]
  parent: string | null
  accreditor: string | null
  validFrom: string
  validUntil: string | null
  revoked: string | null | boolean
  valid: boolean
}

/** A registered schema (without its body). */
export interface SchemaView {
  id: string
  hash: string
  title: string | null
  time: string
}

/** A status list of an issuer, with the indexes that are set. */
export interface StatusListView {
  issuer: string
  list: string
  purpose: 'revocation' | 'suspension'
  format: string
  size: number
  allocated: number
  set?: number[]
}

/** A registered DID (list view). */
export interface DidListItem {
  did: string
  organisation: string | null
  created: string
  updated: string
  deactivated: boolean
  version: number
}

/** One version of a DID document. */
export interface DidVersionView {
  version: number
  validFrom: string
  txid: string
  deactivated: boolean
  document: DidDocumentView
}

const registry = <T>(name: string, params: Record<string, string> = {}): Promise<T> => {
  const qs = new URLSearchParams(params).toString()
  return getJson<T>(`/v1/modules/registry/queries/${name}${qs ? `?${qs}` : ''}`)
}

/** The trusted-issuers registry (first 500 entries). */
export async function listTrustedIssuers(): Promise<AccreditationView[]> {
  return (await registry<{ items: AccreditationView[] }>('trustedIssuers', { limit: '500' })).items
}

/** Registered schemas (first 500). */
export async function listSchemas(): Promise<SchemaView[]> {
  return (await registry<{ items: SchemaView[] }>('schemas', { limit: '500' })).items
}

/** Registered DIDs (first 500). */
export async function listDids(): Promise<DidListItem[]> {
  return (await registry<{ items: DidListItem[] }>('dids', { limit: '500' })).items
}

/** Every version of a DID document, oldest first. */
export async function didHistory(did: string): Promise<DidVersionView[]> {
  return (await registry<{ versions: DidVersionView[] }>('history', { did })).versions
}

/** An issuer's status lists, each with its set indexes. */
export async function listStatusLists(issuer: string): Promise<StatusListView[]> {
  const { lists } = await registry<{ lists: StatusListView[] }>('statusLists', { issuer })
  return Promise.all(lists.map((l) => registry<StatusListView>('statusList', { issuer, list: l.list })))
}
