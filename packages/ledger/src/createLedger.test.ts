import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { test } from 'node:test'
import { canonicalize, fromBase64 } from '@tabularium/core'
import { hashLeaf, parseEntryBundle, verifyConsistency, verifyInclusion, verifyReceipt } from '@tabularium/log'
import { transactionId } from '@tabularium/protocol'
import Database from 'better-sqlite3'
import { createSigner, defined, signTransaction } from './testing/fixtures.js'
import { openTestLedger } from './testing/openTestLedger.js'
import type { CommittedEvent } from './types.js'

const set = (signer = createSigner(), key = Math.random().toString(36).slice(2)) =>
  signTransaction({ signer, module: 'registry', action: 'set', args: { key, value: `value of ${key}` } })

test('orders a submission as given and returns receipts that verify offline', async () => {
  const t = await openTestLedger()
  try {
    const alice = createSigner()
    const txs = Array.from({ length: 20 }, (_, i) => set(alice, `k${i}`))
    const results = await t.ledger.submit(txs, { receipts: true })
    results.forEach((result, i) => {
      assert.ok(result.ok)
      assert.equal(result.index, i)
      assert.equal(result.txid, transactionId(defined(txs[i])))
      assert.ok(result.receipt)
      const verified = verifyReceipt({ receipt: result.receipt, trust: t.trust })
      const entry = JSON.parse(Buffer.from(verified.leaf).toString('utf8'))
      assert.equal(entry.txid, result.txid)
      assert.deepEqual(entry.tx, defined(txs[i]).tx)
    })
    assert.equal(t.ledger.checkpoint().treeSize, 20)
  } finally {
    await t.cleanup()
  }
})

test('stores each leaf as the JCS of its entry, with digests a verifier can recompute', async () => {
  const t = await openTestLedger()
  try {
    const [result] = await t.ledger.submit([set(createSigner(), 'doc')])
    assert.ok(result?.ok)
    const record = defined(t.ledger.entry(0))
    assert.equal(Buffer.from(record.leaf).toString('utf8'), canonicalize(record.entry))
    const events = [{ module: 'registry', type: 'set', data: { key: 'doc', value: 'value of doc' } }]
    assert.deepEqual(record.entry.outcome, { status: 'accepted', events: sha256Hex(canonicalize(events)) })
    // state = SHA-256(previous ‖ SHA-256(JCS(write-set))); the previous is the genesis checkpoint's.
    const stored = t.ledger.state('registry', 'item/doc')
    const writeSet = [['registry', 'item/doc', stored]]
    const previous = genesisState(t.path)
    const expected = createHash('sha256')
      .update(Buffer.from(previous, 'hex'))
      .update(createHash('sha256').update(canonicalize(writeSet)).digest())
      .digest('hex')
    assert.equal(record.entry.state, expected)
    assert.equal(t.ledger.checkpoint().stateDigest, expected)
  } finally {
    await t.cleanup()
  }
})

test('serves entries, transactions, proofs, tiles and entry bundles of the same tree', async () => {
  const t = await openTestLedger({ maxBlockSize: 7 })
  try {
    const txs = Array.from({ length: 300 }, () => set())
    await t.ledger.submit(txs)
    const { treeSize, rootHash } = t.ledger.checkpoint()
    assert.equal(treeSize, 300)
    assert.equal(t.ledger.entries({ from: 290, limit: 1000 }).length, 10)
    const byTxid = t.ledger.transaction(transactionId(defined(txs[123])))
    assert.equal(byTxid?.index, 123)
    assert.equal(t.ledger.transaction('00'.repeat(32)), undefined)
    const leaf = defined(t.ledger.entry(123)).leaf
    verifyInclusion({ leafHash: hashLeaf(leaf), index: 123, treeSize, proof: t.ledger.inclusionProof(123), rootHash })
    const tile = t.ledger.tile(0, 0, 256)
    assert.equal(tile.length, 256 * 32)
    assert.deepEqual(new Uint8Array(tile.subarray(123 * 32, 124 * 32)), hashLeaf(leaf))
    assert.throws(() => t.ledger.tile(0, 1, 256), { code: 'NOT_FOUND' })
    assert.equal(t.ledger.tile(0, 1, 44).length, 44 * 32)
    assert.equal(t.ledger.tile(1, 0, 1).length, 32)
    const bundle = parseEntryBundle(t.ledger.entryBundle(1, 44))
    assert.deepEqual(new Uint8Array(defined(bundle[0])), defined(t.ledger.entry(256)).leaf)
    assert.throws(() => t.ledger.inclusionProof(300), { code: 'INVALID_TREE_SIZE' })
    assert.throws(() => t.ledger.consistencyProof(0), { code: 'INVALID_TREE_SIZE' })
  } finally {
    await t.cleanup()
  }
})

test('feeds projections and subscribers with the events of each committed block', async () => {
  const t = await openTestLedger()
  try {
    const seen: CommittedEvent[] = []
    const unsubscribe = t.ledger.subscribe((events) => seen.push(...events))
    await t.ledger.submit([set(createSigner(), 'a'), set(createSigner(), 'b')])
    unsubscribe()
    await t.ledger.submit([set(createSigner(), 'c')])
    assert.deepEqual(
      seen.map((e) => [e.type, e.data.key, e.index]),
      [
        ['set', 'a', 0],
        ['set', 'b', 1],
      ],
    )
    assert.deepEqual(t.ledger.query('registry', 'projected', {}), [
      { key: 'a', value: 'value of a' },
      { key: 'b', value: 'value of b' },
      { key: 'c', value: 'value of c' },
    ])
    assert.deepEqual(t.ledger.query('registry', 'get', { key: 'a' }), {
      value: 'value of a',
      by: defined(seen[0]).signer,
      at: defined(seen[0]).time,
    })
    assert.throws(() => t.ledger.query('registry', 'nope', {}), { code: 'UNKNOWN_QUERY' })
    assert.throws(() => t.ledger.query('nope', 'get', {}), { code: 'UNKNOWN_MODULE' })
    assert.throws(() => t.ledger.query('registry', 'get', { key: 1 }), { code: 'INVALID_REQUEST' })
  } finally {
    await t.cleanup()
  }
})

test('restarts on the same tree and state without replaying, and refuses replays across the restart', async () => {
  const t = await openTestLedger()
  try {
    const first = Array.from({ length: 10 }, () => set())
    await t.ledger.submit(first)
    const before = t.ledger.checkpoint()
    const ledger = await t.reopen()
    assert.deepEqual(ledger.checkpoint(), before)
    const [replayed] = await ledger.submit([first[3]])
    assert.equal(replayed?.ok, false)
    assert.equal(!replayed?.ok && replayed?.error.code, 'REPLAYED')
    const results = await ledger.submit([set(createSigner(), 'after')], { receipts: true })
    assert.ok(results[0]?.ok && results[0].index === 10)
    verifyReceipt({ receipt: results[0].receipt, trust: t.trust })
    const after = ledger.checkpoint()
    verifyConsistency({
      from: before.treeSize,
      to: after.treeSize,
      proof: ledger.consistencyProof(before.treeSize),
      fromRoot: before.rootHash,
      toRoot: after.rootHash,
    })
    assert.notEqual(ledger.state('registry', 'item/after'), undefined)
    assert.notEqual(ledger.state('registry', `item/${defined(first[0]).tx.args.key}`), undefined)
    // An old receipt, fetched again, verifies against the new checkpoint.
    const receipt = ledger.receipt(3)
    assert.equal(receipt.treeSize, 11)
    assert.equal(verifyReceipt({ receipt, trust: t.trust }).index, 3)
    assert.deepEqual(fromBase64(receipt.leaf), defined(ledger.entry(3)).leaf)
  } finally {
    await t.cleanup()
  }
})

function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

function genesisState(path: string): string {
  // The genesis checkpoint (tree size 0) holds the state digest after seeding.
  const db = new Database(path, { readonly: true })
  try {
    return db.prepare('SELECT state FROM checkpoints WHERE tree_size = 0').pluck().get() as string
  } finally {
    db.close()
  }
}
