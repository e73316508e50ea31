import { defineQuery, type StateReader } from '@tabularium/ledger'
import { z } from 'zod'
import { keys } from '../keys.js'
import { TabDidSchema } from '../schemas.js'
import { checkChain } from '../tir/chain.js'
import type { Accreditation, DidRecord, DidVersion, SchemaRecord } from '../types.js'

const Page = {
  limit: z.number().int().min(1).max(500).default(100),
  after: z.string().max(600).optional(),
}

// Lists a state prefix one page at a time: `after` is the last key of the previous page.
function page<T>(ctx: StateReader, prefix: string, limit: number, after: string | undefined) {
  const rows = ctx.list(prefix, { limit, ...(after === undefined ? {} : { after: `${prefix}${after}` }) })
  const next = rows.length === limit ? rows.at(-1)?.key.slice(prefix.length) : undefined
  return { items: rows.map((r) => r.value as T), next: next ?? null }
}

/** `dids`: registered `did:tab` DIDs (a page), without their documents. @example ?limit=100 */
export const dids = defineQuery({
  description: 'Registered did:tab DIDs, a page at a time (after = the last DID of the previous page).',
  params: z.strictObject(Page),
  run(ctx, { limit, after }) {
    const { items, next } = page<DidRecord>(ctx, 'dids/', limit, after)
    return {
      items: items.map(({ did, organisation, created, updated, deactivated, version }) => ({
        did,
        organisation,
        created,
        updated,
        deactivated,
        version,
      })),
      next,
    }
  },
})

/** `history`: every version of a DID document, oldest first, each with the time it became valid. @example ?did=did:tab:zug */
export const history = defineQuery({
  description: 'Every version of a did:tab document, oldest first, with the time each became valid.',
  params: z.strictObject({ did: TabDidSchema }),
  run(ctx, { did }) {
    return { did, versions: ctx.list<DidVersion>(keys.versions(did), { limit: 1000 }).map((e) => e.value) }
  },
})

/** `trustedIssuers`: the trusted-issuers registry (every accreditation, a page), each with whether its chain holds now. */
export const trustedIssuers = defineQuery({
  description: 'Every accreditation (Root TAO, TAO, TI), a page at a time, with whether its chain holds now.',
  params: z.strictObject({ ...Page, at: z.iso.datetime({ offset: true }).optional() }),
  run(ctx, { limit, after, at = new Date().toISOString() }) {
    const { items, next } = page<Accreditation>(ctx, 'accreditations/', limit, after)
    const valid = (a: Accreditation) => a.credentialTypes.some((type) => checkChain(ctx, { id: a.id, type, at }).ok)
    return { items: items.map((a) => ({ ...a, valid: valid(a) })), next }
  },
})

/** `schemas`: registered credential schemas (a page), without their bodies. */
export const schemas = defineQuery({
  description: 'Registered credential schemas, a page at a time, with their SHA-256 (not their bodies).',
  params: z.strictObject(Page),
  run(ctx, { limit, after }) {
    const { items, next } = page<SchemaRecord>(ctx, 'schemas/', limit, after)
    return {
      items: items.map(({ id, hash, registrant, time, txid, schema }) => ({
        id,
        hash,
        registrant,
        time,
        txid,
        title: typeof (schema as { title?: unknown }).title === 'string' ? (schema as { title: string }).title : null,
      })),
      next,
    }
  },
})
