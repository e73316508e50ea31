import { ProtocolError } from '@tabularium/protocol'
import type { FinalCheckpoint } from './finalStore.js'

/** Promises of finality for entries, kept until a final checkpoint holds them or time runs out. */
export interface FinalWaiters {
  /** Resolves with the first final checkpoint holding entry `index`; NOT_FINAL after `timeoutMs`. */
  wait(index: number, timeoutMs: number): Promise<FinalCheckpoint>
  /** A checkpoint became final: every entry below its size is answered. */
  settle(final: FinalCheckpoint): void
  /** The node stops: every promise is rejected with NODE_STOPPED. */
  close(): void
}

/** @example const waiters = createFinalWaiters(); waiters.wait(41, 10_000); waiters.settle(final) */
export function createFinalWaiters(): FinalWaiters {
  const waiting: { index: number; resolve(f: FinalCheckpoint): void; reject(e: unknown): void }[] = []
  const remove = (waiter: (typeof waiting)[number]) => {
    const at = waiting.indexOf(waiter)
    if (at >= 0) waiting.splice(at, 1)
    return at >= 0
  }
  return {
    wait(index, timeoutMs) {
      return new Promise((resolve, reject) => {
        const waiter = { index, resolve, reject }
        waiting.push(waiter)
        setTimeout(() => {
          if (remove(waiter)) reject(notFinal(index, timeoutMs))
        }, timeoutMs).unref()
      })
    },
    settle(final) {
      for (const waiter of waiting.filter((w) => w.index < final.treeSize)) {
        remove(waiter)
        waiter.resolve(final)
      }
    },
    close() {
      for (const waiter of waiting.splice(0)) waiter.reject(new ProtocolError('NODE_STOPPED', 'the node is stopping'))
    },
  }
}

function notFinal(index: number, timeoutMs: number): ProtocolError {
  return new ProtocolError(
    'NOT_FINAL',
    `entry ${index} is committed, but no checkpoint holding it was cosigned by a quorum of members within ${timeoutMs} ms`,
    { details: { index } },
  )
}
