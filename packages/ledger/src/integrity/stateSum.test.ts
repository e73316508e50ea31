import assert from 'node:assert/strict'
import { test } from 'node:test'
import { openDatabase } from '../store/openDatabase.js'
import { createStateCommitment } from './createStateCommitment.js'
import { computeStateSum } from './scanStateSum.js'
import { addRow, emptyStateSum, type SummedRow, stateSumFromHex, stateSumToHex } from './stateSum.js'
import { readStoredStateSum } from './storedStateSum.js'

const rows: SummedRow[] = Array.from({ length: 200 }, (_, i) => ({
  module: i % 3 === 0 ? 'governance' : 'registry',
  key: `k${i}\n"quoted"`,
  value: JSON.stringify({ n: i }),
  idx: i - 1,
}))

test('the sum does not depend on the order rows are added in', () => {
  const forward = emptyStateSum()
  const backward = emptyStateSum()
  for (const row of rows) addRow(forward, row)
  for (const row of [...rows].reverse()) addRow(backward, row)
  assert.equal(stateSumToHex(forward), stateSumToHex(backward))
})

test('subtracting every row brings the sum back to zero, carries and borrows included', () => {
  const sum = emptyStateSum()
  for (const row of rows) addRow(sum, row)
  assert.notEqual(stateSumToHex(sum), '0'.repeat(64))
  for (const row of rows) addRow(sum, row, -1)
  assert.equal(stateSumToHex(sum), '0'.repeat(64))
  addRow(sum, rows[0] as SummedRow, -1) // below zero wraps modulo 2^256
  addRow(sum, rows[0] as SummedRow, 1)
  assert.equal(stateSumToHex(sum), '0'.repeat(64))
})

test('a row term covers module, key, value and writer index', () => {
  const base = { module: 'registry', key: 'k', value: '1', idx: 4 }
  const variants = [
    base,
    { ...base, module: 'registrx' },
    { ...base, key: 'j' },
    { ...base, value: '2' },
    { ...base, idx: 5 },
  ]
  const sums = variants.map((row) => {
    const sum = emptyStateSum()
    addRow(sum, row)
    return stateSumToHex(sum)
  })
  assert.equal(new Set(sums).size, variants.length)
})

test('hex is 64 digits, most significant first, and parses back', () => {
  const sum = emptyStateSum()
  sum[0] = 1
  assert.equal(stateSumToHex(sum), `${'0'.repeat(63)}1`)
  assert.deepEqual(stateSumFromHex(stateSumToHex(sum)), sum)
  assert.equal(stateSumFromHex('xyz'), undefined)
})

test('the running sum adopts a sealed block only when the next block starts where it ended', () => {
  const db = openDatabase({ path: ':memory:' })
  const commitment = createStateCommitment({ db })
  commitment.load(0)
  const empty = commitment.sumAt(0)
  commitment.openBlock(0)
  commitment.add(rows[0] as SummedRow)
  commitment.sealBlock(2)
  assert.equal(readStoredStateSum(db)?.treeSize, 2)
  assert.notEqual(commitment.sumAt(2), empty) // committed as far as the file shows
  // The block at 0..2 failed to commit: the next block starts at 0 again.
  commitment.openBlock(0)
  commitment.sealBlock(1)
  commitment.openBlock(1)
  assert.equal(commitment.sumAt(1), empty)
  assert.equal(commitment.sumAt(2), undefined)
})

test('load computes a missing or stale sum from the table and stores it, then reads it back', () => {
  const db = openDatabase({ path: ':memory:' })
  db.prepare("INSERT INTO state VALUES ('registry', 'a', '1', 0), ('registry', 'b', '2', 1)").run()
  const commitment = createStateCommitment({ db })
  assert.deepEqual(commitment.load(2), { computed: true })
  assert.equal(readStoredStateSum(db)?.sum, stateSumToHex(computeStateSum(db).sum))
  assert.deepEqual(commitment.load(2), { computed: false })
  assert.deepEqual(commitment.load(3), { computed: true })
})
