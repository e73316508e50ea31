import Database from 'better-sqlite3'
const db = new Database('/tmp/integ/big.db', { readonly: true })
console.log(db.prepare('select sqlite_version()').pluck().get())
const N = 200000
const rows = db.prepare('SELECT idx, hash FROM nodes WHERE level = ? AND idx >= ? AND idx < ? ORDER BY idx').raw()
const agg = db.prepare('SELECT count(*), min(idx), max(idx), group_concat(hex(hash), \'\') FROM (SELECT idx, hash FROM nodes WHERE level = ? AND idx >= ? AND idx < ? ORDER BY idx)').raw()
const agg2 = db.prepare('SELECT count(*), min(idx), max(idx), group_concat(hex(hash), \'\' ORDER BY idx) FROM nodes WHERE level = ? AND idx >= ? AND idx < ?').raw()
for (let r = 0; r < 2; r++) {
let t = performance.now()
for (let a = 0; a < N; a += 4096) rows.all(0, a, a + 4096)
console.log('rows µs/node', ((performance.now() - t) * 1000 / N).toFixed(2))
t = performance.now()
for (let a = 0; a < N; a += 4096) { const [[c, mn, mx, hex]] = agg.all(0, a, a + 4096); Buffer.from(hex, 'hex') }
console.log('agg µs/node', ((performance.now() - t) * 1000 / N).toFixed(2))
t = performance.now()
for (let a = 0; a < N; a += 4096) { const [[c, mn, mx, hex]] = agg2.all(0, a, a + 4096); Buffer.from(hex, 'hex') }
console.log('agg2 µs/node', ((performance.now() - t) * 1000 / N).toFixed(2))
const e1 = db.prepare('SELECT idx, txid, block, leaf FROM entries WHERE idx >= ? AND idx < ? ORDER BY idx').raw()
const e2 = db.prepare('SELECT idx, hex(txid), block, leaf FROM entries WHERE idx >= ? AND idx < ? ORDER BY idx').raw()
const e3 = db.prepare('SELECT idx, hex(txid), block, CAST(leaf AS TEXT) FROM entries WHERE idx >= ? AND idx < ? ORDER BY idx').raw()
for (const [name, st] of [['blob', e1], ['hex txid', e2], ['text leaf', e3]]) {
  t = performance.now()
  for (let a = 0; a < N; a += 4096) st.all(a, a + 4096)
  console.log(name, 'µs/entry', ((performance.now() - t) * 1000 / N).toFixed(2))
}
}
