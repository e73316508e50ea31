import { parentPort, workerData } from 'node:worker_threads'
import Database from 'better-sqlite3'

// Copies a live ledger file in ONE backup step, off the main thread. One
// step holds one read transaction, so the copy is the file as of one commit
// (WAL: the node keeps committing meanwhile). In many small steps SQLite
// would restart the copy each time another connection commits, which under a
// steady load never ends.
const { path, to } = workerData as { path: string; to: string }
const db = new Database(path, { readonly: true, fileMustExist: true })
try {
  await db.backup(to, { progress: () => 0x7fffffff })
  db.close()
  const copy = new Database(to, { readonly: true, fileMustExist: true })
  const treeSize = copy.prepare('SELECT max(tree_size) FROM checkpoints').pluck().get() as number
  copy.close()
  parentPort?.postMessage({ ok: true, treeSize })
} catch (error) {
  db.close()
  parentPort?.postMessage({ ok: false, message: (error as Error).message })
}
