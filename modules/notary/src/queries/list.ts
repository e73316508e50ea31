import { defineQuery } from '@tabularium/ledger'
import { z } from 'zod'
import { statement } from '../sqlite.js'
import type { Metadata } from '../types.js'
import { FilterShape, whereOf } from './filters.js'
import { CursorSchema, limitSchema } from './params.js'

type Row = {
  txid: string
  seq: number
  hash: string
  time: string
  signer: string
  organisation: string | null
  doc_type: string | null
  title: string | null
  metadata: string
  status: 'active' | 'revoked'
  revoked_at: string | null
  revoked_by: string | null
  revoke_reason: string | null
  revoke_txid: string | null
}

/**
 * `list`: stamps newest first from the `notary_stamps` projection, filtered
 * by signer, organisation, document type, status and time (`from`
 * inclusive, `to` exclusive), `limit` ≤ 500 per page.
 *
 * @example GET /v1/modules/notary/queries/list?organisation=leuven&from=2026-01-01T00:00:00Z&limit=100
 * // { items: [{ hash, txid, index, time, signer, organisation, docType, status, … }], nextCursor: '812' }
 */
export const list = defineQuery({
  description: 'Stamps, newest first, by signer, organisation, document type, status and time.',
  params: z.strictObject({ ...FilterShape, limit: limitSchema(500, 100), cursor: CursorSchema.optional() }),
  run(ctx, p) {
    const where = whereOf(p)
    const rows = statement(
      ctx.db,
      `SELECT * FROM notary_stamps WHERE ${where.sql} AND seq < :cursor ORDER BY seq DESC LIMIT :limit`,
    ).all({
      ...where.values,
      cursor: p.cursor === undefined ? Number.MAX_SAFE_INTEGER : Number(p.cursor),
      limit: p.limit + 1,
    }) as Row[]
    const page = rows.slice(0, p.limit)
    const last = page.at(-1)
    return {
      items: page.map(itemOf),
      nextCursor: rows.length > p.limit && last !== undefined ? String(last.seq) : null,
    }
  },
})

function itemOf(row: Row) {
  return {
    hash: row.hash,
    txid: row.txid,
    index: row.seq,
    time: row.time,
    signer: row.signer,
    organisation: row.organisation,
    docType: row.doc_type,
    title: row.title,
    metadata: JSON.parse(row.metadata) as Metadata,
    status: row.status,
    revocation:
      row.revoke_txid === null
        ? null
        : { txid: row.revoke_txid, time: row.revoked_at, signer: row.revoked_by, reason: row.revoke_reason },
  }
}
