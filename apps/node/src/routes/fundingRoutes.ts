import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fromBase64, fromBase64Url, toBase64 } from '@tabularium/core'
import type { Ledger } from '@tabularium/ledger'
import {
  type BlobStore,
  createBlobStore,
  MAX_BLOB_BYTES,
  readApplicationContent,
  verifyReadRequest,
} from '@tabularium/module-grants'
import {
  buildPain001,
  type Fund,
  parseEligibilityCsv,
  pseudonymiseRows,
  type Settlement,
  settlementCsv,
  toCsv,
} from '@tabularium/module-vouchers'
import { ProtocolError } from '@tabularium/protocol'
import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../http/appEnv.js'
import { parseInput } from '../http/parseInput.js'
import { readJsonBody } from '../http/readJsonBody.js'

const EligibilityBody = z.strictObject({
  csv: z.string().min(1).max(8_000_000),
  key: z.string().regex(/^[A-Za-z0-9_-]{43}$/, "the municipality's 32-byte pseudonym key, base64url"),
})
const BlobBody = z.strictObject({ content: z.string().max(Math.ceil(MAX_BLOB_BYTES / 3) * 4) })
const SpendingParams = z.strictObject({
  fund: z.string().max(24).optional(),
  groupBy: z.enum(['provider', 'category', 'day', 'month']),
})

/** Options of `fundingRoutes`. */
export interface FundingOptions {
  /** Sealed grant applications; default: in memory (startNode keeps them encrypted under the data directory). */
  blobs?: BlobStore
  /** The pseudonym key of credential-fund applications; default: random per process (startNode keeps one in the data directory). */
  pseudonymKey?: Uint8Array
  now?: () => number
}

/**
 * Vouchers and grants routes that cannot be module queries: the eligibility
 * CSV pseudonymised at the boundary, settlement exports (SEPA pain.001 and
 * CSV), spending CSV, and the sealed blob store of grant applications.
 *
 * @example app.route('/', fundingRoutes({ ledger, options: { blobs } }))
 */
export function fundingRoutes({ ledger, options = {} }: { ledger: Ledger; options?: FundingOptions }): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const blobs = options.blobs ?? createBlobStore()
  const now = options.now ?? Date.now
  const state = (module: string, key: string) => (ledger.modules.has(module) ? ledger.state(module, key) : undefined)
  const settlementOf = (id: string) => {
    const settlement = state('vouchers', `settlements/${id}`) as Settlement | undefined
    if (settlement === undefined)
      throw new ProtocolError('NOT_FOUND', 'no such settlement', { details: { settlement: id } })
    return settlement
  }

  app.post('/v1/vouchers/funds/:fund/eligibility', async (c) => {
    const fund = c.req.param('fund')
    if (state('vouchers', `funds/${fund}`) === undefined)
      throw new ProtocolError('NOT_FOUND', 'no such fund', { details: { fund } })
    const body = parseInput({
      schema: EligibilityBody,
      input: await readJsonBody({ request: c.req.raw, maxBytes: 8_100_000 }),
      what: 'body',
    })
    const entries = pseudonymiseRows({ key: fromBase64Url(body.key), fund, rows: parseEligibilityCsv(body.csv) })
    return c.json({ fund, count: entries.length, entries, batchSize: 500 })
  })
  app.get('/v1/vouchers/settlements/:id/pain.001', (c) => {
    const settlement = settlementOf(c.req.param('id'))
    const fund = state('vouchers', `funds/${settlement.fund}`) as Fund
    return c.body(buildPain001({ settlement, debtor: fund.debtor }), 200, {
      'Content-Type': 'application/xml; charset=utf-8',
      'Content-Disposition': `attachment; filename="${settlement.id}.pain.001.xml"`,
    })
  })
  app.get('/v1/vouchers/settlements/:id/csv', (c) => {
    const settlement = settlementOf(c.req.param('id'))
    return c.body(settlementCsv(settlement), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${settlement.id}.csv"`,
    })
  })
  app.get('/v1/vouchers/spending.csv', (c) => {
    const params = parseInput({ schema: SpendingParams, input: c.req.query(), what: 'query' })
    const result = ledger.query('vouchers', 'spending', params) as {
      items: { key: string; amount: number; count: number }[]
    }
    const rows = result.items.map((r) => [r.key, (r.amount / 100).toFixed(2), r.count])
    return c.body(toCsv([params.groupBy, 'amount', 'redemptions'], rows), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
    })
  })
  app.post('/v1/grants/blobs', async (c) => {
    verifyReadRequest({ header: c.req.header('authorization'), path: '/v1/grants/blobs', now: now() })
    const body = parseInput({
      schema: BlobBody,
      input: await readJsonBody({ request: c.req.raw, maxBytes: MAX_BLOB_BYTES * 2 }),
      what: 'body',
    })
    const bytes = fromBase64(body.content)
    if (bytes.length > MAX_BLOB_BYTES)
      throw new ProtocolError('PAYLOAD_TOO_LARGE', `content is over ${MAX_BLOB_BYTES} bytes`)
    return c.json({ commitment: blobs.put(bytes) }, 201)
  })
  app.get('/v1/grants/calls/:call/applications/:application/content', (c) => {
    const { call, application } = c.req.param()
    const reader = verifyReadRequest({ header: c.req.header('authorization'), path: c.req.path, now: now() })
    const content = readApplicationContent({ state: (key) => state('grants', key), blobs, call, application, reader })
    return c.json({ call, application, content: toBase64(content) })
  })
  return app
}

/**
 * The node's grants blob store: encrypted files under `<dataDir>/blobs`, with
 * a key in `<dataDir>/grants-blob.key` made on first use (mode 0600).
 *
 * @example createApp({ …, funding: { blobs: openDataDirBlobStore(config.dataDir) } })
 */
export function openDataDirBlobStore(dataDir: string): BlobStore {
  const keyFile = join(dataDir, 'grants-blob.key')
  if (!existsSync(keyFile)) writeFileSync(keyFile, randomBytes(32), { mode: 0o600, flag: 'wx' })
  return createBlobStore({ dir: join(dataDir, 'blobs'), key: readFileSync(keyFile) })
}
