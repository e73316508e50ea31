import { join } from 'node:path'
import type { Ledger, NodeKeys } from '@tabularium/ledger'
import type { Logger } from 'pino'
import type { WitnessConfig } from '../config/witnessConfigSchema.js'
import { createNodeCosigner } from './createNodeCosigner.js'
import { createWitness, type Witness } from './createWitness.js'
import { createWitnessPusher, type WitnessPusher } from './createWitnessPusher.js'
import { ownLogGuard } from './ownLogGuard.js'
import { witnessedLogs } from './witnessedLogs.js'
import { openWitnessStore, WITNESS_FILE } from './witnessStore.js'

/** A node's witnessing: the witness it serves, its pushes to outside witnesses, and how to close both. */
export interface Witnessing {
  witness: Witness
  pusher: WitnessPusher | undefined
  /** Stops pushing (waiting for the round in flight) and closes the witness's file. */
  close(): Promise<void>
}

/**
 * Sets up both halves of C2SP tlog-witness for a node: the witness, signing
 * with the node's witness key, knowing its own network and `witness.logs`,
 * recording in `<dataDir>/witness.sqlite`; and, when `witness.push` names
 * outside witnesses, the background pushes of this node's checkpoints.
 *
 * @example const witnessing = openWitnessing({ dataDir, config: config.witness, keys, ledger, logger })
 */
export function openWitnessing(p: {
  dataDir: string
  config: WitnessConfig
  keys: NodeKeys
  ledger: Ledger
  logger: Logger
}): Witnessing {
  const logger = p.logger.child({ component: 'witness' })
  const store = openWitnessStore({ path: join(p.dataDir, WITNESS_FILE) })
  const witness = createWitness({
    logs: witnessedLogs({ genesis: p.ledger.genesis, configured: p.config.logs }),
    store,
    cosigner: createNodeCosigner({ name: p.keys.witnessKeyName, seed: p.keys.witnessPrivateKey }),
    logger,
    ownLog: ownLogGuard(p.ledger),
  })
  const pusher =
    p.config.push.length === 0
      ? undefined
      : createWitnessPusher({
          ledger: p.ledger,
          witnesses: p.config.push,
          intervalMs: p.config.pushIntervalMs,
          timeoutMs: p.config.pushTimeoutMs,
          logger,
        })
  return {
    witness,
    pusher,
    async close() {
      await pusher?.stop()
      store.close()
    },
  }
}
