import { defineQuery } from '@tabularium/ledger'
import { z } from 'zod'
import { statement } from '../sqlite.js'
import { CursorSchema, limitSchema, TimeSchema } from './params.js'

type Row = {
  id: string
  seq: number
  txid: string
  kind: string
  change: string
  proposer: string
  proposer_did: string
  reason: string | null
  expires_at: string | null
  status: string
  approvals: number
  rejections: number
  threshold: number | null
  created_at: string
  closed_at: string | null
}

// `expired` is not stored: an open proposal past its expiry is expired.
const WHERE: Record<string, string> = {
  open: "status = 'open' AND (expires_at IS NULL OR expires_at > :at)",
  expired: "status = 'open' AND expires_at <= :at",
  executed: "status = 'executed'",
  rejected: "status = 'rejected'",
  all: '1 = 1',
}

/**
 * `proposals`: proposals newest first, optionally by status, from the
 * `governance_proposals` projection. `at` (default: now) decides which open
 * proposals count as expired.
 *
 * @example GET /v1/modules/governance/queries/proposals?status=open&limit=20
 * // { items: [{ id, kind, change, status, approvals, threshold, … }], nextCursor: '41' }
 */
export const proposals = defineQuery({
  description: 'Proposals, newest first, by status (open, executed, rejected, expired).',
  params: z.strictObject({
    status: z.enum(['open', 'executed', 'rejected', 'expired', 'all']).default('all'),
    limit: limitSchema(100, 50),
    cursor: CursorSchema.optional(),
    at: TimeSchema.optional(),
  }),
  run(ctx, p) {
    // A query is not part of execution, so reading the wall clock is allowed
    // here; `at` makes it reproducible.
    const at = p.at ?? new Date().toISOString()
    const rows = statement(
      ctx.db,
      `SELECT * FROM governance_proposals WHERE ${WHERE[p.status]} AND seq < :cursor ORDER BY seq DESC LIMIT :limit`,
    ).all({
      at,
      cursor: p.cursor === undefined ? Number.MAX_SAFE_INTEGER : Number(p.cursor),
      limit: p.limit + 1,
    }) as Row[]
    const page = rows.slice(0, p.limit)
    const last = page.at(-1)
    return {
      items: page.map((row) => toItem(row, at)),
      nextCursor: rows.length > p.limit && last !== undefined ? String(last.seq) : null,
    }
  },
})

function toItem(row: Row, at: string) {
  const expired = row.status === 'open' && row.expires_at !== null && row.expires_at <= at
  return {
    id: row.id,
    txid: row.txid,
    index: row.seq,
    kind: row.kind,
    change: JSON.parse(row.change) as unknown,
    proposer: row.proposer,
    proposerDid: row.proposer_did,
    reason: row.reason,
    expiresAt: row.expires_at,
    status: expired ? 'expired' : row.status,
    approvals: row.approvals,
    rejections: row.rejections,
    threshold: row.threshold,
    createdAt: row.created_at,
    closedAt: row.closed_at,
  }
}
