import { canonicalize } from '@tabularium/core'
import type { Genesis } from '@tabularium/protocol'
import Database, { type Database as Db } from 'better-sqlite3'
import { REVISION_META_KEY } from '../orderer/etcd/createBatchConsumer.js'
import { readMeta } from '../store/meta.js'
import { type LedgerSchema, readSchema } from './referenceSchema.js'
import { snapshotInvalid } from './snapshotInvalid.js'

/**
 * The checks of a snapshot file before its entries are audited: it is a
 * SQLite file of this network, with exactly the schema this software creates
 * (no trigger, view or altered table: the file is hostile until verified,
 * and a trigger would run inside this node), SQLite's own integrity check
 * passes (tables and their indexes agree), and its etcd revision is a number.
 *
 * @example const { revision } = inspectSnapshot({ path, genesis, reference })
 */
export function inspectSnapshot(p: { path: string; genesis: Genesis; reference: LedgerSchema }): {
  revision: number | undefined
} {
  let db: Db
  try {
    db = new Database(p.path, { readonly: true, fileMustExist: true })
  } catch (error) {
    throw snapshotInvalid(`the file cannot be opened: ${(error as Error).message}`)
  }
  try {
    return inspect(db, p)
  } catch (error) {
    if (error instanceof Error && error.name !== 'SqliteError') throw error
    throw snapshotInvalid(`the file is not a readable ledger: ${(error as Error).message}`)
  } finally {
    db.close()
  }
}

function inspect(db: Db, p: { genesis: Genesis; reference: LedgerSchema }): { revision: number | undefined } {
  const schema = readSchema(db)
  const unexpected = schema.objects.filter((o) => !p.reference.objects.includes(o))
  const missing = p.reference.objects.filter((o) => !schema.objects.includes(o))
  if (unexpected.length > 0 || missing.length > 0) {
    throw snapshotInvalid('its schema is not the one this software creates', {
      unexpected: unexpected.map(firstWords),
      missing: missing.map(firstWords),
    })
  }
  if (readMeta(db, 'genesis') !== canonicalize(p.genesis)) {
    throw snapshotInvalid('it is a ledger of another network (its genesis differs)')
  }
  if (schema.migrations.join() !== p.reference.migrations.join()) {
    throw snapshotInvalid('its projection migrations are not those of this software')
  }
  const integrity = db.pragma('integrity_check', { simple: true })
  if (integrity !== 'ok') throw snapshotInvalid(`SQLite integrity check: ${String(integrity)}`)
  return { revision: readRevision(db) }
}

function readRevision(db: Db): number | undefined {
  const value = readMeta(db, REVISION_META_KEY)
  if (value === undefined) return undefined
  if (!/^\d{1,15}$/.test(value)) throw snapshotInvalid(`its ${REVISION_META_KEY} is not a number`)
  return Number(value)
}

// "table entries CREATE TABLE …" → "table entries": enough to name it, and no SQL echoed back.
const firstWords = (object: string) => object.split(' ').slice(0, 2).join(' ')
