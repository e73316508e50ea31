import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { ProjectedEvent } from '@tabularium/ledger'
import Database from 'better-sqlite3'
import { notaryProjection } from './projection.js'

// The step that keys notary_stamps by the log index (see projection.ts).
const BY_SEQ_STEP = 8
const migrate = (db: Database.Database, steps: readonly string[]) => {
  for (const sql of steps) db.exec(sql)
}
const event = (type: string, index: number, txid: string, data: ProjectedEvent['data']): ProjectedEvent => ({
  module: 'notary',
  type,
  data,
  txid,
  index,
  time: `2026-11-${String(10 + index).padStart(2, '0')}T09:00:00.000Z`,
  signer: 'did:key:z6Mk-test',
})
const stamped = (index: number, txid: string) =>
  event('stamped', index, txid, {
    hash: `h${index}`,
    organisation: 'leuven',
    docType: 'permit',
    title: null,
    metadata: {},
  })
const statusOf = (db: Database.Database, seq: number) =>
  db.prepare('SELECT status, revoke_txid FROM notary_stamps WHERE seq = ?').get(seq)

describe('notary projection', () => {
  it('is keyed by the log index, with no index on the random txid', () => {
    const db = new Database(':memory:')
    migrate(db, notaryProjection.migrations)
    const pk = db.prepare("SELECT name FROM pragma_table_info('notary_stamps') WHERE pk = 1").pluck().all()
    assert.deepEqual(pk, ['seq'])
    const indexed = db
      .prepare("SELECT DISTINCT ii.name FROM pragma_index_list('notary_stamps') il, pragma_index_info(il.name) ii")
      .pluck()
      .all()
    assert.ok(!indexed.includes('txid'), `indexed columns: ${indexed.join(', ')}`)
    assert.deepEqual([...indexed].sort(), ['doc_type', 'organisation', 'seq', 'signer', 'time'])
  })

  it('keeps the stamps of a file made by the earlier steps', () => {
    const db = new Database(':memory:')
    migrate(db, notaryProjection.migrations.slice(0, BY_SEQ_STEP))
    for (const [index, txid] of [
      [3, 'aa'],
      [7, 'bb'],
    ] as const)
      notaryProjection.apply(db, stamped(index, txid))
    notaryProjection.apply(
      db,
      event('revoked', 9, 'cc', { hash: 'h7', stamp: 'bb', organisation: 'leuven', reason: 'r' }),
    )
    const before = db.prepare('SELECT * FROM notary_stamps ORDER BY seq').all()
    migrate(db, notaryProjection.migrations.slice(BY_SEQ_STEP))
    assert.deepEqual(db.prepare('SELECT * FROM notary_stamps ORDER BY seq').all(), before)
    assert.deepEqual(statusOf(db, 7), { status: 'revoked', revoke_txid: 'cc' })
  })

  it('revokes by the stamp index the event carries, and by txid for events written before it', () => {
    const db = new Database(':memory:')
    migrate(db, notaryProjection.migrations)
    notaryProjection.apply(db, stamped(1, 'aa'))
    notaryProjection.apply(db, stamped(2, 'bb'))
    notaryProjection.apply(db, stamped(3, 'cc'))
    const revoke = (index: number, txid: string, data: ProjectedEvent['data']) =>
      notaryProjection.apply(db, event('revoked', index, txid, { organisation: 'leuven', reason: 'r', ...data }))
    revoke(4, 'dd', { hash: 'h2', stamp: 'bb', stampIndex: 2 })
    revoke(5, 'ee', { hash: 'h3', stamp: 'cc' })
    // An index that does not belong to the named stamp changes nothing.
    revoke(6, 'ff', { hash: 'h1', stamp: 'aa', stampIndex: 3 })
    assert.deepEqual(
      [1, 2, 3].map((seq) => statusOf(db, seq)),
      [
        { status: 'active', revoke_txid: null },
        { status: 'revoked', revoke_txid: 'dd' },
        { status: 'revoked', revoke_txid: 'ee' },
      ],
    )
  })
})
