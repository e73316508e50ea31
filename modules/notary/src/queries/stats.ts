import { defineQuery } from '@tabularium/ledger'
import { z } from 'zod'
import { statement } from '../sqlite.js'
import { FilterShape, whereOf } from './filters.js'

// Bounds on the groups returned, so a long-lived network's dashboard stays small.
const MAX_DAYS = 1000
const MAX_GROUPS = 100

/**
 * `stats`: counts for the dashboard charts, under the same filters as
 * `list`: totals, per day (UTC) oldest first (the latest 1000 days), per
 * organisation (`null` = signers that are not member DIDs) and per document
 * type, largest first.
 *
 * @example GET /v1/modules/notary/queries/stats?from=2026-01-01T00:00:00Z
 * // { total: 12, active: 11, revoked: 1, byDay: [{ day: '2026-01-05', count: 3, revoked: 0 }], byOrganisation: […], byDocType: […] }
 */
export const stats = defineQuery({
  description: 'Stamp counts in total, per day, per organisation and per document type.',
  params: z.strictObject(FilterShape),
  run(ctx, p) {
    const { sql, values } = whereOf(p)
    const revoked = "SUM(status = 'revoked')"
    const totals = statement(
      ctx.db,
      `SELECT COUNT(*) AS total, ${revoked} AS revoked FROM notary_stamps WHERE ${sql}`,
    ).get(values) as {
      total: number
      revoked: number | null
    }
    const byDay = statement(
      ctx.db,
      `SELECT * FROM (SELECT day, COUNT(*) AS count, ${revoked} AS revoked FROM notary_stamps
      WHERE ${sql} GROUP BY day ORDER BY day DESC LIMIT ${MAX_DAYS}) ORDER BY day`,
    ).all(values)
    const byOrganisation = statement(
      ctx.db,
      `SELECT organisation, COUNT(*) AS count FROM notary_stamps WHERE ${sql}
      GROUP BY organisation ORDER BY count DESC, organisation LIMIT ${MAX_GROUPS}`,
    ).all(values)
    const byDocType = statement(
      ctx.db,
      `SELECT doc_type AS docType, COUNT(*) AS count FROM notary_stamps WHERE ${sql}
      GROUP BY doc_type ORDER BY count DESC, doc_type LIMIT ${MAX_GROUPS}`,
    ).all(values)
    const total = totals.total
    return {
      total,
      active: total - (totals.revoked ?? 0),
      revoked: totals.revoked ?? 0,
      byDay,
      byOrganisation,
      byDocType,
    }
  },
})
