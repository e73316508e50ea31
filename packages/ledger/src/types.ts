import type { Receipt } from '@tabularium/log'
import type { Genesis, LedgerEvent, LogEntry, SignedTransaction } from '@tabularium/protocol'
import type { NodeHealth } from './finality/createHealth.js'
import type { FinalCheckpoint } from './finality/finalStore.js'
import type { MemberView } from './finality/memberViews.js'
import type { Json, ModuleDefinition } from './module/defineModule.js'
import type { OrdererDefinition } from './orderer/types.js'
import type { LedgerLogger } from './sequencer/logger.js'

/** The keys a node signs with: its log key (checkpoints) and witness key (cosignatures). */
export interface NodeKeys {
  /** Name used in the note key, usually the origin or member id. */
  logKeyName: string
  /** 32-byte Ed25519 seed, base64url (the `d` of an OKP JWK). */
  logPrivateKey: string
  witnessKeyName: string
  witnessPrivateKey: string
}

/** Options of `createLedger`. */
export interface CreateLedgerParameters {
  genesis: Genesis
  keys: NodeKeys
  modules: readonly ModuleDefinition[]
  /** SQLite file path; ':memory:' for tests. */
  path: string
  clock?: () => number
  /** Worker threads that verify signatures; default: available cores − 1 (at least 1), the main thread keeps a core. */
  verifierThreads?: number
  /** Largest block, in transactions. */
  maxBlockSize?: number
  /** How long the sequencer waits to fill a block, in ms. */
  blockIntervalMs?: number
  /** Upper bound on admitted-but-uncommitted transactions before OVERLOADED. */
  maxPending?: number
  /** Where unexpected failures are reported (pino fits); default: JSON lines on stderr. */
  logger?: LedgerLogger
  /** How transactions are ordered: `embeddedOrderer()` (default, one process) or `etcdOrderer({ endpoints })` (many nodes). */
  orderer?: OrdererDefinition
  /** Time between the integrity scrubber's passes over the file (on disk only; README, Integrity); default 1000 ms, 0 turns it off. */
  integrityIntervalMs?: number
}

/** One item of a submission's result: committed with its receipt, or refused. */
export type SubmitResult =
  | {
      ok: true
      txid: string
      index: number
      outcome: LogEntry['outcome']
      receipt?: Receipt
      /** With `receipts: 'final'`: false when no quorum cosigned in time (the receipt is then the node's own). */
      final?: boolean
    }
  | { ok: false; txid?: string; error: { code: string; message: string; details?: Record<string, unknown> } }

/** A stored entry with its position. */
export interface EntryRecord {
  index: number
  txid: string
  entry: LogEntry
  /** The exact leaf bytes. */
  leaf: Uint8Array
}

/** The latest signed checkpoint. */
export interface CheckpointRecord {
  treeSize: number
  rootHash: Uint8Array
  stateDigest: string
  /** The signed note: body, log signature and cosignature lines. */
  note: string
  time: string
}

/** A committed event, as the SSE stream and projections see it. */
export interface CommittedEvent extends LedgerEvent {
  txid: string
  index: number
  time: string
  signer: string
}

/** The ledger a node serves. All reads are synchronous SQLite reads. */
export interface Ledger {
  readonly genesis: Genesis
  readonly modules: ReadonlyMap<string, ModuleDefinition>
  /**
   * Admits, orders and executes; resolves when the block holding them is
   * durably committed — or, with `receipts: 'final'`, once a checkpoint
   * holding them is cosigned by a quorum of members (at most
   * `finalTimeoutMs`, default 10 s), with receipts against it.
   */
  submit(transactions: unknown[], options?: SubmitOptions): Promise<SubmitResult[]>
  entry(index: number): EntryRecord | undefined
  entries(options: { from: number; limit: number }): EntryRecord[]
  transaction(txid: string): EntryRecord | undefined
  checkpoint(): CheckpointRecord
  inclusionProof(index: number, treeSize?: number): Uint8Array[]
  consistencyProof(from: number, to?: number): Uint8Array[]
  /** A receipt against the latest checkpoint, or with `final` the latest final one (NOT_FINAL when none holds the entry yet). */
  receipt(index: number, options?: { final?: boolean }): Receipt
  /** The latest checkpoint cosigned by a quorum of members, if any. */
  finalCheckpoint(): FinalCheckpoint | undefined
  /** Final checkpoints, newest first (recent ones all, older ones thinned to one a minute). */
  finalCheckpoints(limit: number): FinalCheckpoint[]
  /** Resolves once entry `index` is in a final checkpoint; NOT_FINAL after `timeoutMs`. */
  whenFinal(index: number, timeoutMs?: number): Promise<FinalCheckpoint>
  /** The members and how this node sees their nodes (status, tree size, last cosignature). */
  members(): MemberView[]
  /** ok, or stopped with the reason (diverged, altered, commit-failed): the node then refuses writes. */
  health(): NodeHealth
  query(module: string, name: string, params: unknown): unknown
  /** Reads one state value of a module (for debugging and the explorer). */
  state(module: string, key: string): Json | undefined
  /** C2SP tlog-tiles: hash tile and entry bundle bytes. */
  tile(level: number, index: number, width: number): Uint8Array
  entryBundle(index: number, width: number): Uint8Array
  subscribe(listener: (events: CommittedEvent[]) => void): () => void
  stats(): LedgerStats
  close(): Promise<void>
}

/** Options of `Ledger.submit`. */
export interface SubmitOptions {
  /** `true`: receipts against the block's own checkpoint; `'final'`: against a quorum-cosigned one. */
  receipts?: boolean | 'final'
  finalTimeoutMs?: number
}

/** Counters for /metrics. */
export interface LedgerStats {
  treeSize: number
  blocks: number
  pending: number
  admitted: number
  refused: Record<string, number>
  committedTransactions: number
  lastBlockMs: number
  /** `embedded` or `etcd`. */
  orderer: string
  /** Size of the latest final checkpoint (0 before the first). */
  finalTreeSize: number
}

export type { Json, SignedTransaction }
