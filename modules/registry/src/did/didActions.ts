import { defineAction, type StateReader } from '@tabularium/ledger'
import { fail } from '../fail.js'
import { keys, ROLES } from '../keys.js'
import {
  AddKeyArgsSchema,
  AddServiceArgsSchema,
  DeactivateDidArgsSchema,
  RegisterDidArgsSchema,
  RemoveKeyArgsSchema,
  RemoveServiceArgsSchema,
  RotateKeyArgsSchema,
  SetControllersArgsSchema,
} from '../schemas.js'
import type { DidRecord } from '../types.js'
import {
  controlledRecord,
  emptyDocument,
  relationshipsOf,
  withMethod,
  withoutMethod,
  withService,
  writeVersion,
} from './document.js'

const member = (state: StateReader, did: string) => state.of('governance').get<string>(`memberDids/${did}`) ?? null

/**
 * `registerDid`: registers an organisation DID `did:tab:<name>` with its keys
 * and services; the signer (or `controllers`) controls it from then on.
 *
 * @example { did: 'did:tab:zug', methods: [{ id: 'key-1', publicKeyJwk, relationships: ['assertionMethod'] }] }
 */
export const registerDid = defineAction({
  description: 'Registers an organisation DID document (did:tab:<name>) with its keys and services.',
  args: RegisterDidArgsSchema,
  access: { roles: ['member', ROLES.registrant] },
  execute(ctx, args) {
    if (ctx.get(keys.did(args.did)) !== undefined)
      fail('ALREADY_EXISTS', 'DID is registered already', { did: args.did })
    let document = emptyDocument(args.did, args.controllers ?? [ctx.signer])
    for (const method of args.methods) document = withMethod(document, method)
    for (const service of args.services) document = withService(document, service)
    const record: DidRecord = {
      did: args.did,
      organisation: member(ctx, ctx.signer),
      created: ctx.time,
      updated: ctx.time,
      deactivated: null,
      version: 0,
      document,
    }
    writeVersion(ctx, { record, document, event: 'didRegistered' })
  },
})

/** `addKey`: adds a verification method (controllers only). @example { did, method: { id: 'key-2', publicKeyJwk } } */
export const addKey = defineAction({
  description: 'Adds a verification key to a registered DID (its controllers only).',
  args: AddKeyArgsSchema,
  access: { public: true },
  execute(ctx, args) {
    const record = controlledRecord(ctx, args.did)
    writeVersion(ctx, { record, document: withMethod(record.document, args.method), event: 'didUpdated' })
  },
})

/**
 * `rotateKey`: replaces key `old` by `method` in one version, so the document
 * never lacks a key; the old key stays in the history, valid before this entry.
 *
 * @example { did, old: 'key-1', method: { id: 'key-2', publicKeyJwk } }
 */
export const rotateKey = defineAction({
  description: 'Rotates a key: the old one leaves the document, the new one takes its relationships.',
  args: RotateKeyArgsSchema,
  access: { public: true },
  execute(ctx, args) {
    const record = controlledRecord(ctx, args.did)
    const relationships = args.method.relationships ?? relationshipsOf(record.document, args.old)
    const without = withoutMethod(record.document, args.old)
    const document = withMethod(without, { ...args.method, relationships })
    writeVersion(ctx, { record, document, event: 'didKeyRotated' })
  },
})

/** `removeKey`: removes a key (not the last one). @example { did, id: 'key-1' } */
export const removeKey = defineAction({
  description: 'Removes a verification key (not the last one).',
  args: RemoveKeyArgsSchema,
  access: { public: true },
  execute(ctx, args) {
    const record = controlledRecord(ctx, args.did)
    const document = withoutMethod(record.document, args.id)
    if (document.verificationMethod.length === 0) fail('CONFLICT', 'the last key cannot be removed; deactivate instead')
    writeVersion(ctx, { record, document, event: 'didUpdated' })
  },
})

/** `addService`. @example { did, service: { id: 'oid4vci', type: 'OID4VCI', serviceEndpoint: 'https://…' } } */
export const addService = defineAction({
  description: 'Adds a service endpoint to a registered DID.',
  args: AddServiceArgsSchema,
  access: { public: true },
  execute(ctx, args) {
    const record = controlledRecord(ctx, args.did)
    writeVersion(ctx, { record, document: withService(record.document, args.service), event: 'didUpdated' })
  },
})

/** `removeService`. @example { did, id: 'oid4vci' } */
export const removeService = defineAction({
  description: 'Removes a service endpoint.',
  args: RemoveServiceArgsSchema,
  access: { public: true },
  execute(ctx, args) {
    const record = controlledRecord(ctx, args.did)
    const id = `${args.did}#${args.id}`
    if (!record.document.service.some((s) => s.id === id)) fail('NOT_FOUND', 'no such service', { id })
    const document = { ...record.document, service: record.document.service.filter((s) => s.id !== id) }
    writeVersion(ctx, { record, document, event: 'didUpdated' })
  },
})

/** `setControllers`: the did:keys that may change the DID (e.g. a new custody key). @example { did, controllers: [didKey] } */
export const setControllers = defineAction({
  description: 'Replaces the controllers (did:key signers) of a registered DID.',
  args: SetControllersArgsSchema,
  access: { public: true },
  execute(ctx, args) {
    const record = controlledRecord(ctx, args.did)
    const document = { ...record.document, controller: [...new Set(args.controllers)] }
    writeVersion(ctx, { record, document, event: 'didUpdated' })
  },
})

/** `deactivateDid`: final; the DID no longer resolves from this entry's time on. @example { did } */
export const deactivateDid = defineAction({
  description: 'Deactivates a DID for good; it resolves as before only "at" earlier times.',
  args: DeactivateDidArgsSchema,
  access: { public: true },
  execute(ctx, args) {
    const record = controlledRecord(ctx, args.did)
    writeVersion(ctx, { record, document: record.document, deactivated: true, event: 'didDeactivated' })
  },
})
