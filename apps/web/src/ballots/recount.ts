import { getNetwork } from '../api/client.js'
import { trustOf } from '../lib/verify.js'
import type { RecountMessage, RecountRequest } from './recount.worker.js'
import type { RecountProgress, VerifiedRecount } from './verifiedRecount.js'

export type { RecountProgress, VerifiedRecount } from './verifiedRecount.js'

/** The recount could not run: the node's data did not verify (`verification`), or it failed otherwise. */
export class RecountError extends Error {
  override name = 'RecountError'
  constructor(
    readonly code: string,
    message: string,
    /** True when a checkpoint, tile or entry the node served does not verify. */
    readonly verification: boolean,
  ) {
    super(message)
  }
}

/**
 * Recounts a ballot in this browser, in a Web Worker: a checkpoint verified
 * with the network's keys (the receipts' trust anchor), every log entry from
 * the ballot's creation proved under it from the C2SP tiles, then the recount
 * of `recountFromEntries` (proofs included). Rejects with `RecountError`.
 *
 * @example const r = await recountInBrowser('pb-2026', { onProgress: console.log }); r.complete && r.matches
 */
export async function recountInBrowser(
  id: string,
  { onProgress }: { onProgress?: (progress: RecountProgress) => void } = {},
): Promise<VerifiedRecount> {
  const trust = trustOf(await getNetwork())
  const worker = new Worker(new URL('./recount.worker.ts', import.meta.url), { type: 'module' })
  try {
    return await new Promise<VerifiedRecount>((resolve, reject) => {
      worker.onmessage = ({ data }: MessageEvent<RecountMessage>) => {
        if (data.type === 'progress') onProgress?.(data.progress)
        else if (data.type === 'result') resolve(data.result)
        else reject(new RecountError(data.code, data.message, data.verification))
      }
      worker.onerror = (event) =>
        reject(new RecountError('RECOUNT_FAILED', event.message || 'the recount stopped', false))
      worker.postMessage({ ballot: id, trust } satisfies RecountRequest)
    })
  } finally {
    worker.terminate()
  }
}
