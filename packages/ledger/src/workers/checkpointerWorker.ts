import { parentPort, workerData } from 'node:worker_threads'
import Database from 'better-sqlite3'

// Copies the WAL back into the database file off the main thread, so that the
// block commits on the main thread only append to the WAL (SQLite's own
// auto-checkpoint would run inside a commit). PASSIVE never blocks the writer.
const { path, intervalMs } = workerData as { path: string; intervalMs: number }
const db = new Database(path, { fileMustExist: true })
db.pragma('synchronous = FULL')
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)')
  } catch {
    // Busy or closing: the next tick tries again.
  }
}, intervalMs)
parentPort?.on('message', (message: string) => {
  if (message !== 'stop') return
  clearInterval(timer)
  db.close()
  parentPort?.postMessage('stopped')
})
