import type { CommittedEvent } from '../types.js'
import type { LedgerLogger } from './logger.js'

/** Subscribers to committed events. */
export interface EventHub {
  subscribe(listener: (events: CommittedEvent[]) => void): () => void
  publish(events: CommittedEvent[]): void
  readonly size: number
}

/**
 * Fans each committed block's events out to subscribers. A subscriber that
 * throws is reported and kept: one bad listener must not stop the others.
 *
 * @example const hub = createEventHub({ logger }); const stop = hub.subscribe(console.log)
 */
export function createEventHub({ logger }: { logger: LedgerLogger }): EventHub {
  const listeners = new Set<(events: CommittedEvent[]) => void>()
  return {
    subscribe(listener) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
    publish(events) {
      if (events.length === 0) return
      for (const listener of listeners) {
        try {
          listener(events)
        } catch (error) {
          logger.warn({ err: error }, 'a subscriber threw; it is kept')
        }
      }
    },
    get size() {
      return listeners.size
    },
  }
}
