import assert from 'node:assert/strict'
import { copyFileSync, existsSync, writeFileSync } from 'node:fs'
import { after, before, describe, test } from 'node:test'
import Database from 'better-sqlite3'
import { auditLedger } from '../audit/auditLedger.js'
import { createLedger } from '../createLedger.js'
import { createSigner, createTempDir, signTransaction, type TestSigner } from '../testing/fixtures.js'
import { openTestLedger, type TestLedger } from '../testing/openTestLedger.js'
import { governance, registry } from '../testing/testModules.js'
import type { Ledger } from '../types.js'
import { backupLedgerFile } from './backupLedgerFile.js'
import { installSnapshot } from './installSnapshot.js'
import { verifySnapshot } from './verifySnapshot.js'

const modules = [governance, registry]
const quiet = { error: () => {}, warn: () => {} }
const tmp = createTempDir()
let source: TestLedger
let snapshot: string
let signer: TestSigner
let copies = 0

const set = (key: string) =>
  signTransaction({ signer, module: 'registry', action: 'set', args: { key, value: `value of ${key}` } })

/** A copy of the snapshot, altered by `sql` (or a function). */
function tampered(sql: string | ((db: Database.Database) => void)): string {
  const path = tmp.path(`tampered-${++copies}.sqlite`)
  copyFileSync(snapshot, path)
  const db = new Database(path)
  if (typeof sql === 'string') db.exec(sql)
  else sql(db)
  db.close()
  return path
}

/** The note without its last signature line (the witness cosignature). */
const withoutCosignature = (note: string) => `${note.trimEnd().split('\n').slice(0, -1).join('\n')}\n`

async function refusedWith(path: string, reason: RegExp, genesis = source.genesis): Promise<void> {
  await assert.rejects(
    verifySnapshot({ path, genesis, modules, verifierThreads: 0 }),
    (error: Error & { code?: string }) => {
      assert.equal(error.code, 'SNAPSHOT_INVALID')
      assert.match(error.message, reason)
      return true
    },
  )
}

before(async () => {
  source = await openTestLedger()
  signer = createSigner()
  for (let i = 0; i < 30; i++) {
    const results = await source.ledger.submit(Array.from({ length: 10 }, (_, j) => set(`k${i}-${j}`)))
    for (const r of results) assert.ok(r.ok, JSON.stringify(r))
  }
  snapshot = tmp.path('snapshot.sqlite')
  // Taken while transactions keep committing: the copy is the file as of one commit.
  let writing = true
  const load = (async () => {
    for (let i = 0; writing; i++) await source.ledger.submit([set(`during-${i}`)])
  })()
  await backupLedgerFile({ path: source.path, to: snapshot })
  writing = false
  await load
})
after(async () => {
  await source.cleanup()
  tmp.remove()
})

describe('a verified snapshot', () => {
  test('verifies, installs, and serves the same head; the installed ledger keeps committing', async () => {
    const verified = await verifySnapshot({ path: snapshot, genesis: source.genesis, modules, verifierThreads: 0 })
    assert.ok(verified.treeSize >= 300, String(verified.treeSize))
    assert.deepEqual(verified.signedBy, [source.keys.witnessKeyName])
    assert.equal(verified.revision, undefined)
    // One member, quorum 1: the node's own cosignature makes its checkpoints final.
    assert.ok((verified.finalTreeSize ?? 0) > 0, String(verified.finalTreeSize))
    const to = tmp.path('installed.sqlite')
    installSnapshot({ from: snapshot, to, genesis: source.genesis, modules })
    assert.equal(existsSync(snapshot), false)
    const installed = await createLedger({
      genesis: source.genesis,
      keys: source.keys,
      modules,
      path: to,
      logger: quiet,
    })
    try {
      const head = installed.checkpoint()
      assert.equal(head.treeSize, verified.treeSize)
      assert.deepEqual(Buffer.from(head.rootHash), Buffer.from(verified.rootHash))
      assert.equal(head.stateDigest, verified.stateDigest)
      assert.deepEqual(projectedKeys(installed), loggedKeys(installed))
      const [next] = await installed.submit([set('after-install')])
      assert.equal(next?.ok && next.index, verified.treeSize)
    } finally {
      await installed.close()
    }
    const verdict = await auditLedger({ path: to, genesis: source.genesis, modules, verifierThreads: 0 })
    assert.equal(verdict.ok, true, JSON.stringify(verdict))
    snapshot = tmp.path('snapshot-again.sqlite')
    await backupLedgerFile({ path: to, to: snapshot }) // the tamper tests below start from a good copy
  })

  test('install rebuilds replay protection and projections from the log, never trusting the copy', async () => {
    const early = source.ledger.entry(3)?.entry.tx
    assert.ok(early)
    const path = tampered("DELETE FROM nonces; UPDATE registry_items SET value = 'forged'")
    await verifySnapshot({ path, genesis: source.genesis, modules, verifierThreads: 0 })
    const to = tmp.path('rebuilt.sqlite')
    installSnapshot({ from: path, to, genesis: source.genesis, modules })
    const installed = await createLedger({
      genesis: source.genesis,
      keys: source.keys,
      modules,
      path: to,
      logger: quiet,
    })
    try {
      const forged = installed.query('registry', 'projected', {}) as { value: string }[]
      assert.equal(forged.filter((row) => row.value === 'forged').length, 0)
      const replay = source.ledger.entry(3)?.entry
      const [answer] = await installed.submit([{ tx: replay?.tx, sig: replay?.sig }])
      assert.equal(answer?.ok === false && answer.error.code, 'REPLAYED')
    } finally {
      await installed.close()
    }
  })

  test('install never replaces an existing ledger file', async () => {
    const path = tampered('SELECT 1')
    const to = tmp.path('occupied.sqlite')
    writeFileSync(to, 'occupied')
    assert.throws(() => installSnapshot({ from: path, to, genesis: source.genesis, modules }), { code: 'CONFLICT' })
    assert.equal(existsSync(path), true)
  })
})

describe('a snapshot that fails verification is refused with SNAPSHOT_INVALID', () => {
  test('an altered leaf', () =>
    refusedWith(
      tampered(
        "UPDATE entries SET leaf = CAST(replace(CAST(leaf AS TEXT), 'value of', 'VALUE OF') AS BLOB) WHERE idx = 7",
      ),
      /entry 7: the leaf does not hash/,
    ))
  test('an altered state row', () =>
    refusedWith(
      tampered(`UPDATE state SET value = '"forged"' WHERE module = 'registry' AND key = 'item/k3-4'`),
      /stored value of registry\/item\/k3-4 differs/,
    ))
  test('an extra state row', () =>
    refusedWith(
      tampered(`INSERT INTO state (module, key, value, idx) VALUES ('registry', 'item/zz', '1', 3)`),
      /re-execution does not produce/,
    ))
  test('an altered event', () =>
    refusedWith(
      tampered(`UPDATE events SET data = '{"key":"x","value":"forged"}' WHERE idx = 9`),
      /entry 9: the stored events differ/,
    ))
  test('an extra event row', () =>
    refusedWith(
      tampered(`INSERT INTO events (idx, seq, module, type, data) VALUES (9999999, 0, 'registry', 'set', '{}')`),
      /events table holds rows of no entry/,
    ))
  test('a removed checkpoint signature', () =>
    refusedWith(
      tampered(
        'UPDATE checkpoints SET note = substr(note, 1, instr(note, char(10) || char(10)) + 1) WHERE tree_size = (SELECT max(tree_size) FROM checkpoints)',
      ),
      /does not verify/,
    ))
  test('a final checkpoint without its quorum', () => {
    const path = tampered((db) => {
      const row = db.prepare('SELECT tree_size, note FROM checkpoints WHERE tree_size = 20').get() as { note: string }
      db.prepare(
        "INSERT OR REPLACE INTO final_checkpoints (tree_size, root, note, cosigners, time, minute) SELECT tree_size, root, ?, '[]', time, 0 FROM checkpoints WHERE tree_size = 20",
      ).run(withoutCosignature(row.note))
      db.prepare('DELETE FROM final_checkpoints WHERE tree_size > 20').run()
    })
    return refusedWith(path, /final checkpoint at size 20 is not one: 0 of the 1 required witness cosignatures/)
  })
  test('a trigger', () =>
    refusedWith(
      tampered('CREATE TRIGGER t AFTER INSERT ON entries BEGIN DELETE FROM nonces; END'),
      /schema is not the one/,
    ))
  test('a dropped index', () => refusedWith(tampered('DROP INDEX nonces_by_expiry'), /schema is not the one/))
  test('a file that is not SQLite', async () => {
    const path = tmp.path('garbage.sqlite')
    writeFileSync(path, Buffer.alloc(8192, 7))
    await refusedWith(path, /not a readable ledger|cannot be opened/)
  })
  test('a ledger of another network', async () => {
    const other = await openTestLedger()
    try {
      await other.ledger.submit([set('elsewhere')])
      const path = tmp.path('other.sqlite')
      await backupLedgerFile({ path: other.path, to: path })
      await refusedWith(path, /another network/, source.genesis)
    } finally {
      await other.cleanup()
    }
  })
})

/** The keys the registry projection lists. */
function projectedKeys(ledger: Ledger): string[] {
  return (ledger.query('registry', 'projected', {}) as { key: string }[]).map((row) => row.key).sort()
}

/** The keys the log's `set` entries wrote (every entry of these tests is one). */
function loggedKeys(ledger: Ledger): string[] {
  const size = ledger.checkpoint().treeSize
  return Array.from({ length: size }, (_, i) => String(ledger.entry(i)?.entry.tx.args.key)).sort()
}
