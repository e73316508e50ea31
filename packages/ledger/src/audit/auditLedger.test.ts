import assert from 'node:assert/strict'
import { test } from 'node:test'
import Database from 'better-sqlite3'
import { createSigner, signTransaction } from '../testing/fixtures.js'
import { openTestLedger, type TestLedger } from '../testing/openTestLedger.js'
import { governance, registry } from '../testing/testModules.js'
import { auditLedger } from './auditLedger.js'

async function filledLedger(): Promise<TestLedger> {
  const admin = createSigner()
  const t = await openTestLedger({ roles: { admin: [admin.did] }, maxBlockSize: 4 })
  const alice = createSigner()
  const txs = Array.from({ length: 10 }, (_, i) =>
    signTransaction({ signer: alice, module: 'registry', action: 'set', args: { key: `k${i}`, value: `v${i}` } }),
  )
  txs.push(signTransaction({ signer: alice, module: 'registry', action: 'conflict', args: {} }))
  txs.push(
    signTransaction({
      signer: admin,
      module: 'governance',
      action: 'grant',
      args: { role: 'registrar', did: alice.did },
    }),
  )
  await t.ledger.submit(txs)
  await t.ledger.submit([
    signTransaction({ signer: alice, module: 'registry', action: 'restricted', args: { key: 'r' } }),
  ])
  await t.ledger.close()
  return t
}

function tamper(path: string, sql: string, ...params: unknown[]): void {
  const db = new Database(path)
  db.prepare(sql).run(...params)
  db.close()
}

const audit = (t: TestLedger) =>
  auditLedger({ path: t.path, genesis: t.genesis, modules: [governance, registry], verifierThreads: 1 })

test('passes a good ledger file and reports its size and checkpoints', async () => {
  const t = await filledLedger()
  try {
    const progress: number[] = []
    const verdict = await auditLedger({
      path: t.path,
      genesis: t.genesis,
      modules: [governance, registry],
      verifierThreads: 1,
      onProgress: ({ index }) => progress.push(index),
    })
    assert.equal(verdict.ok, true, JSON.stringify(verdict))
    assert.ok(verdict.ok && verdict.treeSize === 13 && verdict.checkpoints >= 5)
    assert.equal(progress.at(-1), 12)
  } finally {
    await t.cleanup()
  }
})

test('names the first bad index when a byte of a stored leaf is flipped', async () => {
  const t = await filledLedger()
  try {
    const db = new Database(t.path, { readonly: true })
    const leaf = Buffer.from(db.prepare('SELECT leaf FROM entries WHERE idx = 6').pluck().get() as Buffer)
    db.close()
    leaf[leaf.indexOf('v6')] = 'w'.charCodeAt(0)
    tamper(t.path, 'UPDATE entries SET leaf = ? WHERE idx = 6', leaf)
    const verdict = await audit(t)
    assert.deepEqual(verdict, { ok: false, firstBadIndex: 6, reason: 'the leaf does not hash to the stored tree leaf' })
  } finally {
    await t.cleanup()
  }
})

test('detects a tampered state value by re-executing the log', async () => {
  const t = await filledLedger()
  try {
    tamper(t.path, "UPDATE state SET value = '\"forged\"' WHERE module = 'registry' AND key = 'item/k3'")
    const verdict = await audit(t)
    assert.deepEqual(verdict, {
      ok: false,
      firstBadIndex: 3,
      reason: 'the stored value of registry/item/k3 differs from the re-executed state',
    })
  } finally {
    await t.cleanup()
  }
})

test('detects a leaf rewritten consistently (tree and all) by its state digest', async () => {
  const t = await filledLedger()
  try {
    // Rewrite entry 10's recorded outcome as accepted, and its hashes along: the
    // leaf, level-0 node; the stored roots then no longer match.
    const db = new Database(t.path)
    const leaf = (db.prepare('SELECT leaf FROM entries WHERE idx = 10').pluck().get() as Buffer).toString()
    const forged = Buffer.from(leaf.replace('"code":"CONFLICT"', '"code":"CONFLICX"'))
    const { createHash } = await import('node:crypto')
    const hash = createHash('sha256')
      .update(Buffer.from([0]))
      .update(forged)
      .digest()
    db.prepare('UPDATE entries SET leaf = ? WHERE idx = 10').run(forged)
    db.prepare('UPDATE nodes SET hash = ? WHERE level = 0 AND idx = 10').run(hash)
    db.close()
    const verdict = await audit(t)
    assert.equal(verdict.ok, false)
    assert.equal(!verdict.ok && verdict.firstBadIndex, 10)
    assert.match(!verdict.ok ? verdict.reason : '', /rejects with CONFLICT, the log records CONFLICX/)
  } finally {
    await t.cleanup()
  }
})

test('detects a checkpoint whose signature was tampered with', async () => {
  const t = await filledLedger()
  try {
    tamper(t.path, "UPDATE checkpoints SET note = replace(note, '— node-a.log ', '— node-a.log A') WHERE tree_size = 4")
    const verdict = await audit(t)
    assert.equal(!verdict.ok && verdict.firstBadIndex, 3)
  } finally {
    await t.cleanup()
  }
})
