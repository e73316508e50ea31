import { once } from 'node:events'
import { statSync } from 'node:fs'
import { Worker } from 'node:worker_threads'
import { ProtocolError } from '@tabularium/protocol'

/** Parameters of `backupLedgerFile`. */
export interface BackupLedgerFileParameters {
  /** The live ledger file (its node may keep committing). */
  path: string
  /** Where the copy goes: a new file, on a disk with room for the whole ledger. */
  to: string
}

/** What `backupLedgerFile` wrote. */
export interface BackupLedgerFileResult {
  /** The size of the copy's log (its latest checkpoint). */
  treeSize: number
  bytes: number
  durationMs: number
}

/**
 * Writes a consistent copy of a ledger file with SQLite's online backup,
 * in a worker thread: the node keeps serving and committing while it runs,
 * and the copy is the file as of one commit.
 *
 * @example const { bytes } = await backupLedgerFile({ path: 'data/ledger.sqlite', to: 'data/.snapshot-1.sqlite' })
 */
export async function backupLedgerFile({ path, to }: BackupLedgerFileParameters): Promise<BackupLedgerFileResult> {
  const started = performance.now()
  const worker = new Worker(new URL('./backupWorker.js', import.meta.url), { workerData: { path, to } })
  const [answer] = (await Promise.race([once(worker, 'message'), once(worker, 'error')])) as [
    { ok: true; treeSize: number } | { ok: false; message: string } | Error,
  ]
  await worker.terminate()
  if (answer instanceof Error || !answer.ok) {
    throw new ProtocolError('INTERNAL', 'the ledger file could not be copied', { details: { reason: answer.message } })
  }
  return { treeSize: answer.treeSize, bytes: statSync(to).size, durationMs: Math.round(performance.now() - started) }
}
