import { openDatabase } from './dist/store/openDatabase.js'
import { createLogReader } from './dist/integrity/logReader.js'
import { checkLogRange, startLogWalk } from './dist/integrity/checkLogRange.js'
const db = openDatabase({ path: '/tmp/integ/big.db', readonly: true })
const reader = createLogReader(db)
const head = reader.latestCheckpoint()
const ctx = { reader, origin: JSON.parse(reader.meta('genesis')).origin, head: { treeSize: head[0], root: head[2] } }
const N = Number(process.argv[2] ?? 100000)
for (let r = 0; r < 3; r++) {
  const walk = startLogWalk()
  const cpu = process.cpuUsage()
  const t = performance.now()
  db.transaction(() => { while (walk.size < N) checkLogRange(ctx, walk, Math.min(N, walk.size + 4096)) })()
  const c = process.cpuUsage(cpu)
  console.log('µs/leaf wall', ((performance.now() - t) * 1000 / N).toFixed(2), 'cpu', ((c.user + c.system) / N).toFixed(2))
}
// pieces
db.transaction(() => {
  let t = performance.now(); let rows
  for (let a = 0; a < N; a += 4096) rows = reader.entries(a, a + 4096)
  console.log('read entries µs/leaf', ((performance.now() - t) * 1000 / N).toFixed(2))
  t = performance.now()
  for (let a = 0; a < N; a += 4096) reader.nodes(0, a, a + 4096)
  console.log('read level0 µs/leaf', ((performance.now() - t) * 1000 / N).toFixed(2))
  t = performance.now()
  for (let a = 0; a < N; a += 4096) reader.events(a, a + 4096)
  console.log('read events µs/leaf', ((performance.now() - t) * 1000 / N).toFixed(2))
})()
