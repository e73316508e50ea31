// Cost of the integrity checks on an existing ledger file (e.g. the one
// measureRestart.mjs builds). Not a test: prints one JSON object. Usage:
//   node packages/ledger/scripts/measureIntegrity.mjs --path /tmp/tabularium-restart.db [--seconds 30]
//     [--interval 100] [--leaves 2048] [--check]
// With --check it first times checkIntegrity over the whole file. The file is
// only read; run a writer beside it to include the newest-entries work.
import { parseArgs } from 'node:util'
import { checkIntegrity, startIntegrityScrubber } from '../dist/index.js'
import { openDatabase } from '../dist/store/openDatabase.js'

const { values } = parseArgs({
  options: {
    path: { type: 'string', default: '/tmp/tabularium-restart.db' },
    seconds: { type: 'string', default: '30' },
    interval: { type: 'string', default: '100' },
    leaves: { type: 'string', default: '2048' },
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
  out.checkIntegrity = { ...checkIntegrity({ db }), ms: Math.round(performance.now() - started), cpuMs: Math.round(cpuMs(cpu)) }
  db.close()
}

// The main thread only waits: the process's CPU time is the worker's.
const cpu = process.cpuUsage()
const started = performance.now()
const scrubber = startIntegrityScrubber({
  path: values.path,
  intervalMs: Number(values.interval),
  leavesPerPass: Number(values.leaves),
  onAltered: (report) => console.error('ALTERED', report),
  onError: (error) => console.error('error', error),
})
await new Promise((resolve) => setTimeout(resolve, Number(values.seconds) * 1000))
const progress = scrubber.lastPass()
await scrubber.stop()
const seconds = (performance.now() - started) / 1000
const total = cpuMs(cpu)
const stateCpu = progress.stateScans > 0 ? (progress.state?.ms ?? 0) * progress.stateScans : 0
out.scrubber = {
  seconds: Math.round(seconds),
  intervalMs: Number(values.interval),
  leavesPerPass: Number(values.leaves),
  passes: progress.passes,
  cycle: progress.log?.cycle,
  stateScans: progress.stateScans,
  stateScanMs: Math.round(progress.state?.ms ?? 0),
  stateRows: progress.state?.rows,
  cpuMsTotal: Math.round(total),
  // Log passes: the process's CPU minus the state scans' own time.
  cpuMsPerPass: Math.round(((total - stateCpu) / Math.max(1, progress.passes)) * 100) / 100,
  lastPassMs: Math.round((progress.log?.ms ?? 0) * 100) / 100,
  altered: progress.altered,
}
console.log(JSON.stringify(out, null, 2))
