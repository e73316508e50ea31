import assert from 'node:assert/strict'
import { copyFileSync } from 'node:fs'
import { after, before, test } from 'node:test'
import Database from 'better-sqlite3'
import { openDatabase } from '../store/openDatabase.js'
import { createSigner, createTempDir, signTransaction } from '../testing/fixtures.js'
import { openTestLedger } from '../testing/openTestLedger.js'
import { checkIntegrity } from './checkIntegrity.js'

const tmp = createTempDir()
const base = tmp.path('base.db')

// One closed ledger file of 20 entries in blocks of at most 4: state
// updates, inserts and deletes, events, and a rejected entry (index 10).
before(async () => {
  const admin = createSigner()
  const t = await openTestLedger({ roles: { admin: [admin.did] }, maxBlockSize: 4, path: base })
  const alice = createSigner()
  const set = (key: string, value: string) =>
    signTransaction({ signer: alice, module: 'registry', action: 'set', args: { key, value } })
  const role = (action: string) =>
    signTransaction({ signer: admin, module: 'governance', action, args: { role: 'registrar', did: alice.did } })
  await t.ledger.submit([...Array.from({ length: 10 }, (_, i) => set(`k${i}`, `v${i}`))])
  await t.ledger.submit([signTransaction({ signer: alice, module: 'registry', action: 'conflict', args: {} })])
  await t.ledger.submit([
    role('grant'),
    set('k1', 'again'),
    role('revoke'),
    ...Array.from({ length: 6 }, (_, i) => set(`n${i}`, 'x')),
  ])
  await t.ledger.close()
})
after(() => tmp.remove())

/** A copy of the base file, altered by `sql`, checked. */
function checkAltered(sql: string, ...params: unknown[]) {
  const path = tmp.path(`case-${Math.random().toString(36).slice(2)}.db`)
  copyFileSync(base, path)
  const writer = new Database(path)
  writer.prepare(sql).run(...params)
  writer.close()
  const db = openDatabase({ path, readonly: true })
  try {
    return checkIntegrity({ db })
  } finally {
    db.close()
  }
}

const leafOf = (index: number) => {
  const db = new Database(base, { readonly: true })
  const leaf = db.prepare('SELECT leaf FROM entries WHERE idx = ?').pluck().get(index) as Buffer
  db.close()
  return leaf
}

test('passes an unaltered file and counts its entries and state rows', () => {
  const db = openDatabase({ path: base, readonly: true })
  assert.deepEqual(checkIntegrity({ db }), { ok: true, treeSize: 20, stateRows: 18 })
  db.close()
})

const cases: { name: string; sql: string; params?: () => unknown[]; where: Record<string, unknown> }[] = [
  {
    name: 'a byte of a leaf',
    sql: 'UPDATE entries SET leaf = ? WHERE idx = 6',
    params: () => [Buffer.from(leafOf(6).toString().replace('"v6"', '"w6"'))],
    where: { table: 'entries', row: { index: 6 }, column: 'leaf' },
  },
  {
    name: 'a leaf hash',
    sql: 'UPDATE nodes SET hash = zeroblob(32) WHERE level = 0 AND idx = 6',
    where: { table: 'nodes', row: { level: 0, index: 6 }, column: 'hash' },
  },
  {
    name: 'an interior node',
    sql: 'UPDATE nodes SET hash = zeroblob(32) WHERE level = 2 AND idx = 1',
    where: { table: 'nodes', row: { level: 2, index: 1 }, column: 'hash' },
  },
  {
    name: 'a deleted node',
    sql: 'DELETE FROM nodes WHERE level = 1 AND idx = 3',
    where: { table: 'nodes', row: { level: 1, index: 3 }, column: 'row' },
  },
  {
    name: 'a txid',
    sql: 'UPDATE entries SET txid = zeroblob(32) WHERE idx = 3',
    where: { table: 'entries', row: { index: 3 }, column: 'txid' },
  },
  {
    name: 'a checkpoint root',
    sql: 'UPDATE checkpoints SET root = zeroblob(32) WHERE tree_size = 8',
    where: { table: 'checkpoints', row: { treeSize: 8 }, column: 'root' },
  },
  {
    name: 'a checkpoint signature',
    sql: "UPDATE checkpoints SET note = replace(note, '— node-a.log ', '— node-a.log A') WHERE tree_size = 4",
    where: { table: 'checkpoints', row: { treeSize: 4 }, column: 'note' },
  },
  {
    name: 'a deleted checkpoint',
    sql: 'DELETE FROM checkpoints WHERE tree_size = 8',
    where: { table: 'checkpoints', row: { treeSize: 8 }, column: 'row' },
  },
  {
    name: 'a checkpoint state digest',
    sql: "UPDATE checkpoints SET state = 'ab' || substr(state, 3) WHERE tree_size = 15",
    where: { table: 'checkpoints', row: { treeSize: 15 }, column: 'state' },
  },
  {
    name: 'an event',
    sql: `UPDATE events SET data = '{"key":"k2","value":"forged"}' WHERE idx = 2`,
    where: { table: 'events', row: { index: 2 }, column: 'data' },
  },
  {
    name: 'an event of a rejected entry',
    sql: `INSERT INTO events VALUES (10, 0, 'registry', 'never', '{}')`,
    where: { table: 'events', row: { index: 10 }, column: 'data' },
  },
  {
    name: 'a state value',
    sql: `UPDATE state SET value = '"forged"' WHERE module = 'registry' AND key = 'item/k3'`,
    where: { table: 'state', row: { treeSize: 20 }, column: 'rows' },
  },
  {
    name: 'an inserted state row',
    sql: `INSERT INTO state VALUES ('registry', 'item/planted', '{}', 3)`,
    where: { table: 'state', row: { treeSize: 20 }, column: 'rows' },
  },
  {
    name: 'a deleted state row',
    sql: `DELETE FROM state WHERE module = 'registry' AND key = 'item/k0'`,
    where: { table: 'state', row: { treeSize: 20 }, column: 'rows' },
  },
  {
    name: 'a deleted state sum',
    sql: `DELETE FROM meta WHERE key = 'integrity.stateSum'`,
    where: { table: 'meta', row: { key: 'integrity.stateSum' }, column: 'value' },
  },
]

for (const c of cases) {
  test(`names the row when ${c.name} is altered`, () => {
    const verdict = checkAltered(c.sql, ...(c.params?.() ?? []))
    assert.equal(verdict.ok, false)
    if (verdict.ok) return
    const { table, row, column } = verdict.report
    assert.deepEqual({ table, row, column }, c.where, verdict.report.message)
    assert.equal(verdict.report.code, 'LEDGER_ALTERED')
  })
}

test('reports what it expected and what it found, in words', () => {
  const verdict = checkAltered('UPDATE nodes SET hash = zeroblob(32) WHERE level = 2 AND idx = 1')
  assert.ok(!verdict.ok)
  assert.equal(verdict.report.found, '0'.repeat(64))
  assert.match(verdict.report.expected, /^[0-9a-f]{64}$/)
  assert.equal(verdict.report.message, 'tree node (2, 1) is not the hash of its children')
})
