// Snapshot figures for joining a network: fills a ledger file with N
// notary-like entries (with a projection, as real modules have), then times
// the online copy made while transactions keep committing
// (backupLedgerFile), the full verification (verifySnapshot: schema,
// integrity check, audit with re-execution, head signatures) and the
// install (installSnapshot: nonces and projections rebuilt). Prints JSON.
//   node packages/ledger/scripts/measureSnapshot.mjs [--size 100000]
import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { z } from 'zod'
import {
  auditLedger,
  backupLedgerFile,
  createLedger,
  defineAction,
  defineModule,
  installSnapshot,
  verifySnapshot,
} from '../dist/index.js'
import { createGenesis, createNodeKeys, createSigner, signTransaction } from '../dist/testing/fixtures.js'

const { values } = parseArgs({ options: { size: { type: 'string', default: '100000' } } })
const size = Number(values.size)
const dir = mkdtempSync(join(tmpdir(), 'tabularium-snapshot-'))

const notary = defineModule({
  name: 'notary',
  actions: {
    stamp: defineAction({
      args: z.strictObject({ hash: z.string().regex(/^[0-9a-f]{64}$/) }),
      access: { public: true },
      execute(ctx, { hash }) {
        if (ctx.get(`doc/${hash}`) !== undefined) return
        ctx.put(`doc/${hash}`, { signer: ctx.signer, time: ctx.time, index: ctx.index })
        ctx.emit('stamped', { hash })
      },
    }),
  },
  queries: {},
  projection: {
    tables: ['stamps'],
    migrations: ['CREATE TABLE stamps (hash TEXT PRIMARY KEY, idx INTEGER NOT NULL)'],
    apply(db, event) {
      db.prepare('INSERT INTO stamps (hash, idx) VALUES (?, ?)').run(event.data.hash, event.index)
    },
  },
})
const modules = [notary]
const { keys, logKey, witnessKey } = createNodeKeys('measure')
const genesis = createGenesis({ member: createSigner(), logKey, witnessKey })
const signers = Array.from({ length: 100 }, () => createSigner())
const stamp = (i) =>
  signTransaction({
    signer: signers[i % signers.length],
    module: 'notary',
    action: 'stamp',
    args: { hash: createHash('sha256').update(`doc ${i} ${Math.random()}`).digest('hex') },
  })

const path = join(dir, 'ledger.sqlite')
const ledger = await createLedger({ genesis, keys, modules, path, logger: { error() {}, warn() {} } })
for (let done = 0; done < size; ) {
  const chunk = Math.min(20_000, size - done)
  const txs = Array.from({ length: chunk }, (_, i) => stamp(done + i))
  await Promise.all(Array.from({ length: 20 }, (_, k) => ledger.submit(txs.slice(k * 1000, (k + 1) * 1000))))
  done += chunk
}
// The copy is made while the node keeps committing (250-transaction batches).
let writing = true
let during = 0
const load = (async () => {
  while (writing) {
    await ledger.submit(Array.from({ length: 250 }, (_, i) => stamp(size + during + i)))
    during += 250
  }
})()
const snapshot = join(dir, 'snapshot.sqlite')
const backup = await backupLedgerFile({ path, to: snapshot })
writing = false
await load
await ledger.close()
const auditStarted = performance.now()
const audit = await auditLedger({ path: snapshot, genesis, modules })
const auditMs = Math.round(performance.now() - auditStarted)
const verified = await verifySnapshot({ path: snapshot, genesis, modules })
const installed = installSnapshot({ from: snapshot, to: join(dir, 'joined.sqlite'), genesis, modules })
console.log(
  JSON.stringify(
    {
      entries: backup.treeSize,
      bytes: backup.bytes,
      bytesPerEntry: Math.round(backup.bytes / backup.treeSize),
      backupMs: backup.durationMs,
      committedDuringBackup: during,
      auditAloneMs: auditMs,
      auditOk: audit.ok,
      verifyMs: verified.durationMs,
      verifiedEntriesPerSecond: Math.round(backup.treeSize / (verified.durationMs / 1000)),
      installMs: installed.durationMs,
      rebuilt: { nonces: installed.nonces, events: installed.events },
    },
    null,
    2,
  ),
)
rmSync(dir, { recursive: true, force: true })
