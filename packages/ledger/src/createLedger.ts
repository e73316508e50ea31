import { availableParallelism } from 'node:os'
import { formatIssues, type Genesis, GenesisSchema, ProtocolError } from '@tabularium/protocol'
import { everAdmitted, membersOf } from './audit/membersOf.js'
import { createCheckpointSigner } from './checkpoints/createCheckpointSigner.js'
import { createRoleChecker, GOVERNANCE_MODULE } from './executor/roles.js'
import { createFinality } from './finality/createFinality.js'
import { createHealth } from './finality/createHealth.js'
import { DEFAULT_FINAL_TIMEOUT_MS, finalReceipt, submitFinal } from './finality/finalReceipts.js'
import { createMemberReader } from './finality/members.js'
import { watchLedgerFile } from './integrity/watchLedgerFile.js'
import { warnUnlessMember } from './joining/warnUnlessMember.js'
import type { ModuleDefinition } from './module/defineModule.js'
import { checkOrdererKind } from './orderer/checkOrdererKind.js'
import { embeddedOrderer } from './orderer/embeddedOrderer.js'
import { createReads, type LedgerReads } from './reads/createReads.js'
import { createEventHub } from './sequencer/createEventHub.js'
import { consoleLogger } from './sequencer/logger.js'
import { startPipeline } from './sequencer/startPipeline.js'
import { openLedgerStore } from './store/openLedgerStore.js'
import type { CreateLedgerParameters, Ledger } from './types.js'

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
    // One core stays with the main thread, which executes and commits: on
    // 2 cores one verifier thread gives ~12k tx/s, two ~10k (README, Figures).
    verifierThreads = Math.max(1, availableParallelism() - 1),
    maxBlockSize = 1000,
    blockIntervalMs = 2,
    maxPending = 50_000,
    logger = consoleLogger,
    orderer = embeddedOrderer(),
  } = params
  const genesis = parseGenesis(params.genesis)
  const modules = moduleMap(params.modules)
  const hasRole = createRoleChecker({ genesis, governed: modules.has(GOVERNANCE_MODULE) })
  const sign = createCheckpointSigner({ origin: genesis.origin, keys })
  // Before the file is opened: an unreachable, wrong or compacted etcd stops the start here.
  const startOrderer = await orderer.connect({ genesis, logger, path, onCaughtUp: () => checkMembership() })
  // On disk, a worker checkpoints the WAL; in memory there is no WAL.
  const onDisk = path !== ':memory:' && path !== ''
  const store = openLedgerStore({
    path,
    genesis,
    modules: params.modules,
    hasRole,
    sign,
    // With a shared orderer the genesis checkpoint's time is the genesis's own,
    // so that the first block's time floor is the same on every node.
    clock: orderer.sharedTime ? () => Date.parse(genesis.createdAt) : clock,
    autoCheckpoint: !onDisk,
  })
  let reads: LedgerReads
  try {
    checkOrdererKind({ db: store.db, kind: orderer.kind, treeSize: store.head.treeSize })
    reads = createReads({ store, modules, path })
  } catch (error) {
    store.db.close()
    throw error
  }
  const events = createEventHub({ logger })
  const health = createHealth(clock)
  health.onHalt((h) => logger.error({ health: h }, 'this node stopped writing'))
  const finality = createFinality({
    db: store.db,
    origin: genesis.origin,
    witnessKey: sign.witnessKey,
    members: createMemberReader({ db: store.db, genesis, governed: modules.has(GOVERNANCE_MODULE) }),
    health,
    logger,
    clock,
  })
  // A joining node learns of its admission by governance only once it has caught up.
  const governed = modules.has(GOVERNANCE_MODULE)
  const checkMembership = warnUnlessMember({
    keys: sign,
    members: () => membersOf({ db: store.db, genesis, governed }).members,
    logger,
  })
  if (!orderer.sharedTime) checkMembership()
  const scrubber =
    !onDisk || params.integrityIntervalMs === 0
      ? undefined
      : watchLedgerFile({
          path,
          store,
          sign,
          // Every key that may have signed a note in this file: former members' too.
          members: () => everAdmitted({ db: store.db, genesis }),
          health,
          logger,
          intervalMs: params.integrityIntervalMs,
        })
  const pipeline = startPipeline({
    ...{ store, genesis, modules, hasRole, sign, clock, logger, events },
    ...{
      verifierThreads,
      maxBlockSize,
      blockIntervalMs,
      maxPending,
      checkpointPath: onDisk ? path : undefined,
      startOrderer,
      finality,
      health,
    },
  })
  const receipt: Ledger['receipt'] = (index, options) =>
    options?.final === true ? finalReceipt({ store, reads, finality, index }) : reads.receipt(index)
  let closed: Promise<void> | undefined
  return {
    genesis,
    modules,
    ...reads,
    submit(transactions, options) {
      if (!Array.isArray(transactions))
        throw new ProtocolError('INVALID_REQUEST', 'submit takes an array of transactions')
      if (options?.receipts !== 'final') return pipeline.submit(transactions, { receipts: options?.receipts === true })
      return submitFinal({ pipeline, finality, receipt, transactions, timeoutMs: options.finalTimeoutMs })
    },
    receipt,
    finalCheckpoint: finality.latest,
    finalCheckpoints: finality.list,
    whenFinal: (index, timeoutMs = DEFAULT_FINAL_TIMEOUT_MS) => finality.whenFinal(index, timeoutMs),
    members: finality.members,
    health: health.current,
    subscribe: events.subscribe,
    stats: () => ({ ...pipeline.stats(), orderer: orderer.kind, finalTreeSize: finality.latest()?.treeSize ?? 0 }),
    close() {
      closed ??= pipeline.stop().then(async () => {
        await scrubber?.stop()
        finality.close()
        reads.close()
        store.db.close()
      })
      return closed
    },
  }
}

function parseGenesis(value: unknown): Genesis {
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
