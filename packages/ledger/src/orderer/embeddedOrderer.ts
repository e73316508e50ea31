import type { PendingTransaction } from '../sequencer/createBlockCommitter.js'
import { createSequencer } from '../sequencer/createSequencer.js'
import type { OrdererDefinition } from './types.js'

/**
 * The default orderer: the in-process sequencer (group commit). One node, no
 * external service; block times come from the ledger's clock.
 *
 * @example const ledger = await createLedger({ genesis, keys, modules, path, orderer: embeddedOrderer() })
 */
export function embeddedOrderer(): OrdererDefinition {
  return {
    kind: 'embedded',
    sharedTime: false,
    connect: async () => (ctx) => {
      const sequencer = createSequencer<PendingTransaction>({
        maxBlockSize: ctx.maxBlockSize,
        blockIntervalMs: ctx.blockIntervalMs,
        commit: (items) => void ctx.commit(items),
      })
      return {
        enqueue: (items) => sequencer.enqueue(items),
        get queued() {
          return sequencer.queued
        },
        async stop(drained) {
          await drained
          sequencer.flush()
        },
      }
    },
  }
}
