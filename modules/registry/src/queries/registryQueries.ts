import { defineQuery, type StateReader } from '@tabularium/ledger'
import { z } from 'zod'
import { documentAt } from '../did/documentAt.js'
import { fail } from '../fail.js'
import { keys } from '../keys.js'
import { AccreditationIdSchema, CredentialTypeSchema, ListNameSchema, TabDidSchema } from '../schemas.js'
import { accreditationsOf, checkChain, findIssuerAccreditation } from '../tir/chain.js'
import type { Accreditation, DidRecord, SchemaRecord, StatusListRecord } from '../types.js'

const TimeSchema = z.iso.datetime({ offset: true }).transform((text) => new Date(text).toISOString())

/**
 * `resolve`: the DID document in force at `at` (default: now), with its
 * metadata; `DID_NOT_FOUND` when unknown, or not yet registered at `at`.
 * A deactivated DID answers `{ document: null, metadata: { deactivated: true } }`.
 *
 * @example GET /v1/modules/registry/queries/resolve?did=did:tab:zug&at=2026-03-01T00:00:00Z
 */
export const resolve = defineQuery({
  description: 'Resolves a registered DID, optionally as it was at a time (key rotation history).',
  params: z.strictObject({ did: TabDidSchema, at: TimeSchema.optional() }),
  run(ctx, { did, at }) {
    const version = documentAt(ctx, did, at) ?? fail('DID_NOT_FOUND', 'DID is not registered (at that time)', { did })
    const record = ctx.get<DidRecord>(keys.did(did)) as DidRecord
    return {
      document: version.deactivated ? null : version.document,
      metadata: {
        created: record.created,
        updated: version.validFrom,
        version: version.version,
        deactivated: version.deactivated,
        organisation: record.organisation,
      },
    }
  },
})

/** `accreditations`: every accreditation of a DID (as subject), with its chain status now. @example ?did=did:tab:zug */
export const accreditations = defineQuery({
  description: 'The accreditations a DID holds, each with whether its chain holds now.',
  params: z.strictObject({ did: TabDidSchema, at: TimeSchema.optional() }),
  run(ctx, { did, at = new Date().toISOString() }) {
    const items = accreditationsOf(ctx, did).map(
      (id) => ctx.get<Accreditation>(keys.accreditation(id)) as Accreditation,
    )
    return { did, accreditations: items.map((a) => ({ ...a, valid: chainValid(ctx, a, at) })) }
  },
})

/** `accreditation`: one entry with its chain up to the Root TAO (for `termsOfUse` links). @example ?id=a1b2c3d4e5f60718 */
export const accreditation = defineQuery({
  description: 'One accreditation and its chain up to the Root TAO.',
  params: z.strictObject({ id: AccreditationIdSchema }),
  run(ctx, { id }) {
    const record = ctx.get<Accreditation>(keys.accreditation(id)) ?? fail('NOT_FOUND', 'no such accreditation', { id })
    const chain: Accreditation[] = [record]
    for (let at = record.parent; at !== null && chain.length < 8; ) {
      const parent = ctx.get<Accreditation>(keys.accreditation(at))
      if (parent === undefined) break
      chain.push(parent)
      at = parent.parent
    }
    return { accreditation: record, chain }
  },
})

/**
 * `isAccredited`: whether `issuer` holds a TI accreditation whose chain holds
 * for `type` at `at` (only `accreditation` when given, as named by a
 * credential's `termsOfUse`), with that chain.
 *
 * @example ?issuer=did:tab:zug&type=ResidencyCredential
 */
export const isAccredited = defineQuery({
  description: 'Whether an issuer is accredited for a credential type (at a time), with the chain.',
  params: z.strictObject({
    issuer: TabDidSchema,
    type: CredentialTypeSchema,
    accreditation: AccreditationIdSchema.optional(),
    at: TimeSchema.optional(),
  }),
  run(ctx, p) {
    const at = p.at ?? new Date().toISOString()
    const chain = findIssuerAccreditation(ctx, { issuer: p.issuer, type: p.type, at, only: p.accreditation })
    return { issuer: p.issuer, type: p.type, accredited: chain !== undefined, chain: chain ?? [] }
  },
})

/** `schema`: a registered credential schema by id; `SCHEMA_UNKNOWN` otherwise. @example ?id=https://…/residency/v1 */
export const schema = defineQuery({
  description: 'A registered credential schema by id, with its SHA-256.',
  params: z.strictObject({ id: z.string().min(1).max(512) }),
  run(ctx, { id }) {
    return ctx.get<SchemaRecord>(keys.schema(id)) ?? fail('SCHEMA_UNKNOWN', 'no schema with this id', { id })
  },
})

/** `statusList`: a list's record and its set indexes, ascending. @example ?issuer=did:tab:zug&list=revocation-1 */
export const statusList = defineQuery({
  description: 'A status list: purpose, format, size, allocated count and the indexes that are set.',
  params: z.strictObject({ issuer: TabDidSchema, list: ListNameSchema }),
  run(ctx, { issuer, list }) {
    const record =
      ctx.get<StatusListRecord>(keys.statusList(issuer, list)) ??
      fail('NOT_FOUND', 'no such status list', { issuer, list })
    return { ...record, set: setIndexes(ctx, issuer, list) }
  },
})

/** `statusLists`: the lists of an issuer. @example ?issuer=did:tab:zug */
export const statusLists = defineQuery({
  description: 'The status lists of an issuer.',
  params: z.strictObject({ issuer: TabDidSchema }),
  run(ctx, { issuer }) {
    return {
      issuer,
      lists: ctx.list<StatusListRecord>(keys.statusList(issuer, ''), { limit: 100 }).map((e) => e.value),
    }
  },
})

function chainValid(ctx: StateReader, a: Accreditation, at: string): boolean {
  return a.credentialTypes.some((type) => checkChain(ctx, { id: a.id, type, at }).ok)
}

function setIndexes(ctx: StateReader, issuer: string, list: string): number[] {
  const prefix = keys.statusBits(issuer, list)
  const indexes: number[] = []
  for (let after: string | undefined; ; ) {
    const page = ctx.list(prefix, { limit: 1000, ...(after === undefined ? {} : { after }) })
    for (const { key } of page) indexes.push(Number(key.slice(prefix.length)))
    if (page.length < 1000) return indexes
    after = page.at(-1)?.key
  }
}
