import { once } from 'node:events'
import { Worker } from 'node:worker_threads'

/** A background WAL checkpointer; `stop` closes its connection. */
export interface Checkpointer {
  stop(): Promise<void>
}

/**
 * Starts a worker thread that checkpoints the WAL of `path` every
 * `intervalMs`. The main connection must have `wal_autocheckpoint = 0`.
 *
 * @example const checkpointer = startCheckpointer({ path }); … await checkpointer.stop()
 */
export function startCheckpointer({ path, intervalMs = 100 }: { path: string; intervalMs?: number }): Checkpointer {
  const worker = new Worker(new URL('./checkpointerWorker.js', import.meta.url), { workerData: { path, intervalMs } })
  worker.unref()
  let stopped: Promise<void> | undefined
  return {
    stop() {
      stopped ??= (async () => {
        worker.ref()
        const done = once(worker, 'message')
        worker.postMessage('stop')
        await Promise.race([done, once(worker, 'exit')])
        await worker.terminate()
      })()
      return stopped
    },
  }
}
