// Cost of the integrity checks on an existing ledger file (e.g. the one
// measureRestart.mjs builds). Not a test: prints one JSON object. Usage:
//   node packages/ledger/scripts/measureIntegrity.mjs --path /tmp/tabularium-restart.db [--seconds 30]
//     [--interval 100] [--leaves 2048] [--check]
// With --check it first times checkIntegrity over the whole file. The file is
// only read; run a writer beside it to include the newest-entries work.
import { parseArgs } from 'node:util'
import { checkIntegrity, startIntegrityScrubber } from '../dist/index.js'
import { computeStateSum } from '../dist/integrity/scanStateSum.js'
import { openDatabase } from '../dist/store/openDatabase.js'

const { values } = parseArgs({
  options: {
    path: { type: 'string', default: '/tmp/tabularium-restart.db' },
    seconds: { type: 'string', default: '30' },
    interval: { type: 'string', default: '100' },
    leaves: { type: 'string', default: '256' },
    check: { type: 'boolean', default: false },
  },
})
const cpuMs = (since) => {
  const { user, system } = process.cpuUsage(since)
  return (user + system) / 1000
}
const out = {}

if (values.check) {
  const db = openDatabase({ path: values.path, readonly: true })
  const cpu = process.cpuUsage()
  const started = performance.now()
  out.checkIntegrity = {
    ...checkIntegrity({ db }),
    ms: Math.round(performance.now() - started),
    cpuMs: Math.round(cpuMs(cpu)),
  }
  db.close()
}

// The state scan's cost, on the main thread (the worker's scans do the same work).
{
  const db = openDatabase({ path: values.path, readonly: true })
  const cpu = process.cpuUsage()
  const started = performance.now()
  const { rows } = computeStateSum(db)
  out.stateScan = { rows, ms: Math.round(performance.now() - started), cpuMs: Math.round(cpuMs(cpu)) }
  db.close()
}

// Log passes: measured once the worker's first state scan is over; the main
// thread only waits, so the process's CPU time is the worker's.
const scrubber = startIntegrityScrubber({
  path: values.path,
  intervalMs: Number(values.interval),
  leavesPerPass: Number(values.leaves),
  onAltered: (report) => console.error('ALTERED', report),
  onError: (error) => console.error('error', error),
})
while (scrubber.lastPass().stateScans === 0) await new Promise((resolve) => setTimeout(resolve, 50))
const before = scrubber.lastPass()
const cpu = process.cpuUsage()
const started = performance.now()
await new Promise((resolve) => setTimeout(resolve, Number(values.seconds) * 1000))
const progress = scrubber.lastPass()
const total = cpuMs(cpu)
const seconds = (performance.now() - started) / 1000
await scrubber.stop()
const passes = progress.passes - before.passes
const leaves = (progress.log?.cycle.at ?? 0) - (before.log?.cycle.at ?? 0)
out.scrubber = {
  seconds: Math.round(seconds),
  intervalMs: Number(values.interval),
  leavesPerPass: Number(values.leaves),
  passes,
  cycle: progress.log?.cycle,
  cpuMsPerPass: Math.round((total / Math.max(1, passes)) * 100) / 100,
  cpuMicrosPerLeaf: Math.round(((total * 1000) / Math.max(1, leaves)) * 100) / 100,
  stateScansDuringWindow: progress.stateScans - before.stateScans,
  altered: progress.altered,
}
console.log(JSON.stringify(out, null, 2))
