import { assertPublicJwk, isBaseError } from '@tabularium/core'
import type { ActionContext, StateReader } from '@tabularium/ledger'
import { fail } from '../fail.js'
import { keys, LIMITS } from '../keys.js'
import type { DidRecord, DidVersion, StoredDocument, StoredMethod, StoredService } from '../types.js'

/** The JSON-LD contexts of a registered document (DID Core, JsonWebKey2020). */
export const DID_CONTEXTS = ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/suites/jws-2020/v1']

/** Relationships a registered key may hold. */
export type Relationship = 'authentication' | 'assertionMethod' | 'capabilityInvocation'
const RELATIONSHIPS: readonly Relationship[] = ['authentication', 'assertionMethod', 'capabilityInvocation']

/** A key to put into a document, as actions receive it. */
export interface MethodInput {
  id: string
  publicKeyJwk: Record<string, string>
  relationships: readonly Relationship[]
}

/** The current record of a DID; `DID_NOT_FOUND` when never registered. */
export function readRecord(state: StateReader, did: string): DidRecord {
  return state.get<DidRecord>(keys.did(did)) ?? fail('DID_NOT_FOUND', 'DID is not registered', { did })
}

/**
 * The record of an active DID whose controllers include the signer:
 * `DID_NOT_FOUND`, `CONFLICT` (deactivated) or `NOT_OWNER` otherwise.
 */
export function controlledRecord(ctx: ActionContext, did: string): DidRecord {
  const record = readRecord(ctx, did)
  if (record.deactivated !== null) fail('CONFLICT', 'DID is deactivated', { did })
  if (!record.document.controller.includes(ctx.signer)) {
    fail('NOT_OWNER', 'only a controller of the DID may change it', { did })
  }
  return record
}

/** An empty document of `did` with its controllers. */
export function emptyDocument(did: string, controllers: readonly string[]): StoredDocument {
  return {
    '@context': [...DID_CONTEXTS],
    id: did,
    controller: [...controllers],
    verificationMethod: [],
    authentication: [],
    assertionMethod: [],
    capabilityInvocation: [],
    service: [],
  }
}

/** Adds a key; `INVALID_KEY` for a private or unsupported JWK, `ALREADY_EXISTS`, `LIMIT_EXCEEDED`. */
export function withMethod(document: StoredDocument, input: MethodInput): StoredDocument {
  const id = `${document.id}#${input.id}`
  if (document.verificationMethod.some((m) => m.id === id)) fail('ALREADY_EXISTS', 'key id is taken', { id })
  if (document.verificationMethod.length >= LIMITS.methods) {
    fail('LIMIT_EXCEEDED', 'the document has too many keys', { limit: LIMITS.methods })
  }
  const method: StoredMethod = { id, type: 'JsonWebKey2020', controller: document.id, publicKeyJwk: publicJwk(input) }
  const next = { ...document, verificationMethod: [...document.verificationMethod, method] }
  for (const relationship of RELATIONSHIPS) {
    if (input.relationships.includes(relationship)) next[relationship] = [...document[relationship], id]
  }
  return next
}

/** Removes a key from the document and every relationship; `NOT_FOUND`, `CONFLICT` for the last key. */
export function withoutMethod(document: StoredDocument, fragment: string): StoredDocument {
  const id = `${document.id}#${fragment}`
  if (!document.verificationMethod.some((m) => m.id === id)) fail('NOT_FOUND', 'no such key', { id })
  const next = { ...document, verificationMethod: document.verificationMethod.filter((m) => m.id !== id) }
  for (const relationship of RELATIONSHIPS) next[relationship] = document[relationship].filter((k) => k !== id)
  return next
}

/** The relationships a key of the document holds. */
export function relationshipsOf(document: StoredDocument, fragment: string): Relationship[] {
  const id = `${document.id}#${fragment}`
  return RELATIONSHIPS.filter((relationship) => document[relationship].includes(id))
}

/** Adds a service; `ALREADY_EXISTS`, `LIMIT_EXCEEDED`. */
export function withService(
  document: StoredDocument,
  input: { id: string; type: string; serviceEndpoint: string },
): StoredDocument {
  const id = `${document.id}#${input.id}`
  if (document.service.some((s) => s.id === id)) fail('ALREADY_EXISTS', 'service id is taken', { id })
  if (document.service.length >= LIMITS.services)
    fail('LIMIT_EXCEEDED', 'too many services', { limit: LIMITS.services })
  const service: StoredService = { id, type: input.type, serviceEndpoint: input.serviceEndpoint }
  return { ...document, service: [...document.service, service] }
}

/**
 * Writes the next version of a DID: the record and `didVersions/<did>/<n>`,
 * valid from this entry's time; emits `didUpdated` (or the given event).
 */
export function writeVersion(
  ctx: ActionContext,
  p: { record: DidRecord; document: StoredDocument; deactivated?: boolean; event: string },
): void {
  const version = p.record.version + 1
  if (version > LIMITS.versions) fail('LIMIT_EXCEEDED', 'the DID has too many versions', { limit: LIMITS.versions })
  const deactivated = p.deactivated === true
  const record: DidRecord = {
    ...p.record,
    version,
    updated: ctx.time,
    deactivated: deactivated ? ctx.time : null,
    document: p.document,
  }
  const entry: DidVersion = { version, validFrom: ctx.time, txid: ctx.txid, deactivated, document: p.document }
  ctx.put(keys.did(record.did), record)
  ctx.put(keys.version(record.did, version), entry)
  ctx.emit(p.event, {
    did: record.did,
    version,
    organisation: record.organisation,
    keys: p.document.verificationMethod.map((m) => m.id),
  })
}

function publicJwk(input: MethodInput): StoredMethod['publicKeyJwk'] {
  if ('d' in input.publicKeyJwk) fail('INVALID_KEY', 'a private key must never be registered', { id: input.id })
  try {
    return { ...assertPublicJwk(input.publicKeyJwk) }
  } catch (cause) {
    if (isBaseError(cause)) fail('INVALID_KEY', cause.message, { id: input.id })
    throw cause
  }
}
