// The browser recount, off the main thread: fetching, proving and recounting
// thousands of entries (each ballot's proofs in pure JS) would freeze the page.
// One message in — { ballot, trust } — then progress messages and one result or error.
import type { ReceiptTrust } from '@tabularium/log'
import { RecountVerificationError } from './recountCheckpoint.js'
import { type RecountProgress, type VerifiedRecount, verifiedRecount } from './verifiedRecount.js'

/** What the page sends. */
export type RecountRequest = { ballot: string; trust: ReceiptTrust }

/** What the worker answers. */
export type RecountMessage =
  | { type: 'progress'; progress: RecountProgress }
  | { type: 'result'; result: VerifiedRecount }
  | { type: 'error'; code: string; message: string; verification: boolean }

// The DOM lib types `self` as a Window; a dedicated worker's scope has these two.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<RecountRequest>) => void) | null
  postMessage(message: RecountMessage): void
}

scope.onmessage = async ({ data }) => {
  try {
    const result = await verifiedRecount({
      ...data,
      onProgress: (progress) => scope.postMessage({ type: 'progress', progress }),
    })
    scope.postMessage({ type: 'result', result })
  } catch (error) {
    const e = error as { code?: unknown; message?: unknown }
    scope.postMessage({
      type: 'error',
      code: typeof e.code === 'string' ? e.code : 'RECOUNT_FAILED',
      message: String(e.message ?? error),
      verification: error instanceof RecountVerificationError,
    })
  }
}
