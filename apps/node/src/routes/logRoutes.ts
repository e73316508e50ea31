import { toBase64 } from '@tabularium/core'
import type { EntryRecord, Ledger } from '@tabularium/ledger'
import { ProtocolError } from '@tabularium/protocol'
import { Hono } from 'hono'
import type { AppEnv } from '../http/appEnv.js'
import { parseInput } from '../http/parseInput.js'
import { EntriesQuery, IndexParams, ReceiptQuery } from '../http/schemas.js'

/**
 * The log as JSON: GET /v1/entries (paged), /v1/entries/:index,
 * /v1/receipts/:index and /v1/checkpoint (the signed note as text/plain when
 * asked with `Accept: text/plain`).
 *
 * @example app.route('/', logRoutes({ ledger }))
 */
export function logRoutes({ ledger }: { ledger: Ledger }): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  app.get('/v1/entries', (c) => {
    const { from, limit } = parseInput({ schema: EntriesQuery, input: c.req.query(), what: 'query' })
    const treeSize = ledger.checkpoint().treeSize
    const records = from >= treeSize ? [] : ledger.entries({ from, limit })
    return c.json({ entries: records.map(({ index, txid, entry }) => ({ index, txid, entry })), treeSize })
  })
  app.get('/v1/entries/:index', (c) => {
    const record = entryAt(ledger, c.req.param())
    return c.json({ index: record.index, txid: record.txid, entry: record.entry, leaf: toBase64(record.leaf) })
  })
  app.get('/v1/receipts/:index', (c) => {
    const record = entryAt(ledger, c.req.param())
    const { final } = parseInput({ schema: ReceiptQuery, input: c.req.query(), what: 'query' })
    return c.json(ledger.receipt(record.index, { final: final === 'true' }))
  })
  app.get('/v1/checkpoint', (c) => {
    const checkpoint = ledger.checkpoint()
    c.header('Cache-Control', 'no-cache')
    c.header('Vary', 'Accept')
    if (prefersText(c.req.header('accept'))) return c.text(checkpoint.note)
    const { treeSize, rootHash, stateDigest, note, time } = checkpoint
    return c.json({ treeSize, rootHash: toBase64(rootHash), stateDigest, note, time })
  })
  return app
}

function entryAt(ledger: Ledger, params: unknown): EntryRecord {
  const { index } = parseInput({ schema: IndexParams, input: params, what: 'path' })
  const record = index < ledger.checkpoint().treeSize ? ledger.entry(index) : undefined
  if (record === undefined) throw new ProtocolError('NOT_FOUND', 'no entry at that index', { details: { index } })
  return record
}

// text/plain wins only when asked for and JSON is not asked for as well.
function prefersText(accept: string | undefined): boolean {
  if (accept === undefined) return false
  const types = accept.split(',').map((part) => part.split(';', 1)[0]?.trim().toLowerCase())
  return types.includes('text/plain') && !types.includes('application/json')
}
