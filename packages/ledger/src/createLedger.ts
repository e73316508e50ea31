import { availableParallelism } from 'node:os'
import { formatIssues, GenesisSchema, ProtocolError } from '@tabularium/protocol'
import { createAdmission } from './admission/createAdmission.js'
import { createNonceGuard } from './admission/createNonceGuard.js'
import { createSubmitter } from './admission/createSubmitter.js'
import { createCheckpointSigner } from './checkpoints/createCheckpointSigner.js'
import { createRoleChecker } from './executor/roles.js'
import type { ModuleDefinition } from './module/defineModule.js'
import { createReads } from './reads/createReads.js'
import { createBlockCommitter, type PendingTransaction } from './sequencer/createBlockCommitter.js'
import { createSequencer } from './sequencer/createSequencer.js'
import { consoleLogger } from './sequencer/logger.js'
import { openLedgerStore } from './store/openLedgerStore.js'
import type { CommittedEvent, CreateLedgerParameters, Ledger, LedgerStats } from './types.js'
import { createVerifierPool } from './workers/createVerifierPool.js'
import { startCheckpointer } from './workers/startCheckpointer.js'

/**
 * Opens (creating if needed) a ledger file and starts its pipeline:
 * admission → signature workers → sequencer (group commit) → executor →
 * one SQLite transaction per block → signed checkpoint → answers and events.
 *
 * @example
 * const ledger = await createLedger({ genesis, keys, modules: [governance, notary], path: 'ledger.db' })
 * const [result] = await ledger.submit([signedTx], { receipts: true })
 */
export async function createLedger(params: CreateLedgerParameters): Promise<Ledger> {
  const {
    keys,
    path,
    clock = Date.now,
    verifierThreads = availableParallelism(),
    maxBlockSize = 1000,
    blockIntervalMs = 2,
    maxPending = 50_000,
    logger = consoleLogger,
  } = params
  const genesis = parseGenesis(params.genesis)
  const modules = moduleMap(params.modules)
  const hasRole = createRoleChecker({ genesis })
  const sign = createCheckpointSigner({ origin: genesis.origin, keys })
  if (!genesis.members.some((m) => m.logKey === sign.logKey && m.witnessKey === sign.witnessKey)) {
    // Not fatal (an observer node may run with its own keys), but nobody
    // trusting the genesis file will accept this node's checkpoints.
    logger.warn({ logKey: sign.logKey }, "the node's keys are not a genesis member's logKey/witnessKey")
  }
  const onDisk = path !== ':memory:' && path !== ''
  const store = openLedgerStore({
    path,
    genesis,
    modules: params.modules,
    hasRole,
    sign,
    clock,
    autoCheckpoint: !onDisk,
  })
  const checkpointer = onDisk ? startCheckpointer({ path }) : undefined
  const nonces = createNonceGuard({ db: store.db })
  const pool = createVerifierPool({ threads: verifierThreads })
  const listeners = new Set<(events: CommittedEvent[]) => void>()
  const stats = { admitted: 0, refused: {} as Record<string, number>, committedTransactions: 0, lastBlockMs: 0 }
  const commit = createBlockCommitter({
    store,
    modules,
    hasRole,
    sign,
    clock,
    nonces,
    logger,
    hasListeners: () => listeners.size > 0,
    onCommitted(events, block, elapsedMs) {
      stats.committedTransactions += block.entries.length
      stats.lastBlockMs = elapsedMs
      if (events.length === 0) return
      for (const listener of listeners) notify(listener, events, logger)
    },
  })
  const sequencer = createSequencer<PendingTransaction>({ maxBlockSize, blockIntervalMs, commit })
  let stopping = false
  const submitter = createSubmitter({
    admit: createAdmission({ genesis, modules, clock, state: store.state, hasRole, nonces }),
    pool,
    nonces,
    sequencer,
    maxPending,
    onRefused: (code) => {
      stats.refused[code] = (stats.refused[code] ?? 0) + 1
    },
    isStopping: () => stopping,
  })
  const reads = createReads({ store, modules, path })
  let closed: Promise<void> | undefined
  return {
    genesis,
    modules,
    ...reads,
    async submit(transactions, options) {
      if (!Array.isArray(transactions))
        throw new ProtocolError('INVALID_REQUEST', 'submit takes an array of transactions')
      const results = await submitter.submit(transactions, options)
      stats.admitted += results.filter((r) => r.ok).length
      return results
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
    stats: (): LedgerStats => ({
      treeSize: store.tree.size,
      blocks: store.head.block,
      pending: submitter.pending,
      admitted: stats.admitted,
      refused: { ...stats.refused },
      committedTransactions: stats.committedTransactions,
      lastBlockMs: stats.lastBlockMs,
    }),
    close() {
      closed ??= (async () => {
        stopping = true
        await submitter.drained()
        sequencer.flush()
        await pool.close()
        await checkpointer?.stop()
        reads.close()
        store.db.close()
      })()
      return closed
    },
  }
}

function parseGenesis(value: unknown) {
  const parsed = GenesisSchema.safeParse(value)
  if (!parsed.success) {
    throw new ProtocolError('INVALID_REQUEST', 'the genesis file does not match its schema', {
      details: { issues: formatIssues(parsed.error) },
    })
  }
  return parsed.data
}

function moduleMap(modules: readonly ModuleDefinition[]): ReadonlyMap<string, ModuleDefinition> {
  const map = new Map<string, ModuleDefinition>()
  for (const module of modules) {
    if (map.has(module.name)) throw new ProtocolError('CONFLICT', `module ${module.name} is installed twice`)
    map.set(module.name, module)
  }
  return map
}

function notify(listener: (events: CommittedEvent[]) => void, events: CommittedEvent[], logger: typeof consoleLogger) {
  try {
    listener(events)
  } catch (error) {
    logger.warn({ err: error }, 'a subscriber threw; it is kept')
  }
}
