import assert from 'node:assert/strict'
import { test } from 'node:test'
import Database from 'better-sqlite3'
import { openDatabase } from '../store/openDatabase.js'
import { createSigner } from '../testing/fixtures.js'
import { openTestLedger, type TestLedger } from '../testing/openTestLedger.js'
import { alterFile, startWorkload, type Workload } from '../testing/startWorkload.js'
import { waitFor } from '../testing/waitFor.js'
import type { AlterationReport } from './alteration.js'
import { checkIntegrity } from './checkIntegrity.js'
import { computeStateSum } from './scanStateSum.js'
import {
  type IntegrityScrubber,
  type StartIntegrityScrubberParameters,
  startIntegrityScrubber,
} from './startIntegrityScrubber.js'
import { stateSumToHex } from './stateSum.js'
import { formatStoredStateSum, readStoredStateSum } from './storedStateSum.js'

const LEAVES_PER_PASS = 16

/** A ledger committing small blocks, and a scrubber on its file collecting reports and errors. */
async function busyLedger(options: Partial<StartIntegrityScrubberParameters> = {}) {
  const admin = createSigner()
  const t = await openTestLedger({ roles: { admin: [admin.did] }, maxBlockSize: 4 })
  const workload = startWorkload({ ledger: t.ledger, admin })
  await workload.committed(40)
  const reports: AlterationReport[] = []
  const errors: Error[] = []
  const scrubber = startIntegrityScrubber({
    path: t.path,
    intervalMs: 20,
    leavesPerPass: LEAVES_PER_PASS,
    stateRowsPerSlice: 3, // scans span many slices, and blocks commit in between
    onAltered: (report) => reports.push(report),
    onError: (error) => errors.push(error),
    ...options,
  })
  await waitFor('first passes', () => scrubber.lastPass().passes >= 2 && scrubber.lastPass().stateScans >= 1)
  return { t, workload, scrubber, reports, errors }
}

async function shutDown(p: { t: TestLedger; workload: Workload; scrubber: IntegrityScrubber }): Promise<void> {
  await p.scrubber.stop()
  await p.workload.stop()
  await p.t.cleanup()
}

const firstBlockSize = (path: string) => {
  const db = new Database(path, { readonly: true })
  const size = db.prepare('SELECT min(tree_size) FROM checkpoints WHERE tree_size > 0').pluck().get() as number
  db.close()
  return size
}

const liveCases: { name: string; alter(path: string): number; where(path: string): Record<string, unknown> }[] = [
  {
    name: 'a leaf',
    alter: (path) =>
      alterFile(path, `UPDATE entries SET leaf = CAST(replace(CAST(leaf AS TEXT), '"v', '"w') AS BLOB) WHERE idx = 5`),
    where: () => ({ table: 'entries', row: { index: 5 }, column: 'leaf' }),
  },
  {
    name: 'a tree node',
    alter: (path) => alterFile(path, 'UPDATE nodes SET hash = zeroblob(32) WHERE level = 1 AND idx = 2'),
    where: () => ({ table: 'nodes', row: { level: 1, index: 2 }, column: 'hash' }),
  },
  {
    name: 'a checkpoint root',
    alter: (path) =>
      alterFile(path, 'UPDATE checkpoints SET root = zeroblob(32) WHERE tree_size = ?', firstBlockSize(path)),
    where: (path) => ({ table: 'checkpoints', row: { treeSize: firstBlockSize(path) }, column: 'root' }),
  },
  {
    name: 'a checkpoint signature',
    alter: (path) =>
      alterFile(
        path,
        "UPDATE checkpoints SET note = replace(note, '— node-a.log ', '— node-a.log A') WHERE tree_size = ?",
        firstBlockSize(path),
      ),
    where: (path) => ({ table: 'checkpoints', row: { treeSize: firstBlockSize(path) }, column: 'note' }),
  },
  {
    name: 'an event',
    alter: (path) => alterFile(path, `UPDATE events SET data = '{"key":"k0","value":"forged"}' WHERE idx = 0`),
    where: () => ({ table: 'events', row: { index: 0 }, column: 'data' }),
  },
  {
    name: 'a state value',
    alter: (path) =>
      alterFile(path, `UPDATE state SET value = '"forged"' WHERE module = 'registry' AND key = 'item/k19'`),
    where: () => ({ table: 'state', column: 'rows' }),
  },
  {
    name: 'an inserted state row',
    alter: (path) => alterFile(path, `INSERT INTO state VALUES ('registry', 'item/planted', '{}', 3)`),
    where: () => ({ table: 'state', column: 'rows' }),
  },
  {
    name: 'a deleted state row',
    alter: (path) => alterFile(path, `DELETE FROM state WHERE module = 'registry' AND key = 'item/k19'`),
    where: () => ({ table: 'state', column: 'rows' }),
  },
]

for (const c of liveCases) {
  test(`reports ${c.name} altered while the ledger commits, within a cycle (log) or the next scan (state)`, async () => {
    const live = await busyLedger()
    try {
      const before = live.scrubber.lastPass()
      const where = c.where(live.t.path)
      assert.equal(c.alter(live.t.path), 1, 'one row altered')
      await waitFor('the report', () => live.reports.length > 0)
      const progress = live.scrubber.lastPass()
      const [report] = live.reports as [AlterationReport]
      const { table, row, column } = report
      const expected = { table, column, ...('row' in where ? { row } : {}) }
      assert.deepEqual(expected, where, report.message)
      assert.equal(report.code, 'LEDGER_ALTERED')
      if (table === 'state') {
        // At most the scan that read its snapshot before the change completes unaware.
        assert.ok(progress.stateScans - before.stateScans <= 1, `${progress.stateScans - before.stateScans} scans`)
      } else {
        // A cycle over the log, and the pass that read its snapshot before the change.
        const cycle = Math.ceil((progress.log?.treeSize ?? 0) / LEAVES_PER_PASS)
        const passes = progress.passes - before.passes
        assert.ok(passes <= cycle + 2, `${passes} passes, cycle ${cycle}`)
      }
      assert.deepEqual(live.errors, [])
    } finally {
      await shutDown(live)
    }
  })
}

test('raises no false alarm on a busy ledger over many passes and state scans', async () => {
  const live = await busyLedger({ intervalMs: 5, stateCpuShare: 0.5, notesPerPass: 8 })
  try {
    const start = live.scrubber.lastPass()
    await waitFor(
      'many passes',
      () => {
        const now = live.scrubber.lastPass()
        return (
          now.passes - start.passes >= 200 &&
          now.stateScans - start.stateScans >= 40 &&
          (now.log?.cycle.completed ?? 0) >= 5
        )
      },
      60_000,
    )
    const end = live.scrubber.lastPass()
    assert.ok((end.log?.treeSize ?? 0) > (start.log?.treeSize ?? 0), 'the ledger kept committing')
    assert.ok((end.state?.treeSize ?? 0) > (start.state?.treeSize ?? 0), 'state scans saw new blocks')
    assert.deepEqual(live.reports, [])
    assert.deepEqual(live.errors, [])
  } finally {
    await shutDown(live)
  }
})

test('catches a state row rewritten along with the stored sum, by the sum this node wrote', async () => {
  const live = await busyLedger()
  await live.workload.stop()
  const { t, reports } = live
  const db = new Database(t.path, { readonly: true })
  const written = readStoredStateSum(db)
  db.close()
  assert.ok(written)
  const scrubber = startIntegrityScrubber({
    path: t.path,
    intervalMs: 20,
    expectedStateSum: (treeSize) => (treeSize === written.treeSize ? written.sum : undefined),
    onAltered: (report) => reports.push(report),
  })
  try {
    const forger = new Database(t.path, { timeout: 10_000 })
    forger.transaction(() => {
      forger.prepare(`UPDATE state SET value = '"forged"' WHERE key = 'item/k3'`).run()
      const forged = formatStoredStateSum(written.treeSize, computeStateSum(forger).sum)
      forger.prepare(`UPDATE meta SET value = ? WHERE key = 'integrity.stateSum'`).run(forged)
    })()
    forger.close()
    await waitFor('the report', () => reports.length > 0)
    assert.deepEqual(
      { table: reports[0]?.table, row: reports[0]?.row, expected: reports[0]?.expected },
      { table: 'meta', row: { key: 'integrity.stateSum' }, expected: written.sum },
    )
  } finally {
    await scrubber.stop()
    await shutDown(live)
  }
})

test('keeps the state sum across restarts, and computes it for a file that lacks it', async () => {
  const admin = createSigner()
  const t = await openTestLedger({ roles: { admin: [admin.did] }, maxBlockSize: 4 })
  const run = async (count: number) => {
    const workload = startWorkload({ ledger: t.ledger, admin })
    await workload.committed(count)
    await workload.stop()
  }
  const verdict = () => {
    const db = openDatabase({ path: t.path, readonly: true })
    const sums = { stored: readStoredStateSum(db)?.sum, table: stateSumToHex(computeStateSum(db).sum) }
    const result = checkIntegrity({ db })
    db.close()
    return { ok: result.ok, sumsAgree: sums.stored === sums.table }
  }
  try {
    await run(30)
    await t.reopen()
    await run(30)
    assert.deepEqual(verdict(), { ok: true, sumsAgree: true })
    await t.ledger.close()
    alterFile(t.path, `DELETE FROM meta WHERE key = 'integrity.stateSum'`)
    await t.reopen()
    await run(30)
    assert.deepEqual(verdict(), { ok: true, sumsAgree: true })
  } finally {
    await t.cleanup()
  }
})

test('stops cleanly: stop resolves once, and no pass runs after it', async () => {
  const live = await busyLedger()
  try {
    const stopping = live.scrubber.stop()
    assert.equal(live.scrubber.stop(), stopping)
    await stopping
    const passes = live.scrubber.lastPass().passes
    await new Promise((resolve) => setTimeout(resolve, 100))
    assert.equal(live.scrubber.lastPass().passes, passes)
  } finally {
    await shutDown(live)
  }
})

test('reports a file it cannot open as an error, not an alteration, and still stops', async () => {
  const errors: Error[] = []
  const reports: AlterationReport[] = []
  const scrubber = startIntegrityScrubber({
    path: '/nonexistent/ledger.db',
    onAltered: (report) => reports.push(report),
    onError: (error) => errors.push(error),
  })
  await waitFor('the error', () => errors.length > 0)
  await scrubber.stop()
  assert.match(errors[0]?.message ?? '', /unable to open|does not exist|directory/)
  assert.deepEqual(reports, [])
})
