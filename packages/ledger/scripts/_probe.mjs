import { createHash } from 'node:crypto'
import Database from 'better-sqlite3'
import { createLedger } from '../dist/index.js'

const path = process.argv[2]
const db = new Database(path)
for (const p of process.argv.slice(3)) db.pragma(p)
console.log(
  db.pragma('page_size', { simple: true }),
  db.pragma('cache_size', { simple: true }),
  db.pragma('mmap_size', { simple: true }),
)
const get = db.prepare('SELECT value FROM state WHERE module = ? AND key = ?').pluck()
const nonce = db.prepare('SELECT 1 FROM nonces WHERE signer = ? AND nonce = ?').pluck()
const keys = Array.from(
  { length: 40000 },
  (_, i) =>
    'doc/' +
    createHash('sha256')
      .update('x' + i)
      .digest('hex'),
)
for (let r = 0; r < 3; r++) {
  let t = performance.now()
  for (const k of keys) get.get('notary', k)
  console.log('state miss µs', (((performance.now() - t) * 1000) / keys.length).toFixed(2))
  t = performance.now()
  for (const k of keys) nonce.get('did:key:z6MkoqCp6Po9SX49kBqDjBaZY3RXzdfd5U6k21EnRbiMNb7U', k)
  console.log('nonce miss µs', (((performance.now() - t) * 1000) / keys.length).toFixed(2))
}
console.log(db.prepare('select count(*) from state').pluck().get())
