import type { Receipt } from '@tabularium/log'
import type { Genesis, LogEntry, Member } from '@tabularium/protocol'

/**
 * Response shapes of the node's HTTP API (docs/architecture.md, "HTTP API").
 * Declared here rather than imported from the ledger so that the SDK stays
 * free of server dependencies and runs in a browser.
 */

/** The error body every failing route answers with. */
export interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> }
}

/** One item of a submission's answer: committed (with a receipt when waited for) or refused. */
export type SubmitResult =
  | { ok: true; txid: string; index: number; outcome: LogEntry['outcome']; receipt?: Receipt }
  | { ok: false; txid?: string; error: ErrorBody['error'] }

/** A committed submission result. */
export type CommittedResult = Extract<SubmitResult, { ok: true }>

/** `GET /v1/transactions/:txid`. */
export interface TransactionView {
  index: number
  txid: string
  entry: LogEntry
  receipt: Receipt
}

/** One item of `GET /v1/entries`. */
export interface EntrySummary {
  index: number
  txid: string
  entry: LogEntry
}

/** `GET /v1/entries`. */
export interface EntriesPage {
  entries: EntrySummary[]
  treeSize: number
}

/** `GET /v1/entries/:index`: the entry and its exact leaf bytes (base64). */
export interface EntryView extends EntrySummary {
  leaf: string
}

/** `GET /v1/checkpoint`. */
export interface CheckpointView {
  treeSize: number
  /** Base64 root hash. */
  rootHash: string
  stateDigest: string
  /** The signed note, with cosignature lines. */
  note: string
  time: string
}

/** `GET /v1/proofs/inclusion`. */
export interface InclusionProofView {
  index: number
  treeSize: number
  proof: string[]
}

/** `GET /v1/proofs/consistency`. */
export interface ConsistencyProofView {
  from: number
  to: number
  proof: string[]
}

/** `GET /v1/network`: the genesis summary. */
export interface NetworkView {
  network: string
  origin: string
  members: Member[]
  witnessQuorum: number
  governanceThreshold?: number
  [extra: string]: unknown
}

/** `GET /v1/modules`. */
export interface ModulesView {
  modules: {
    name: string
    description?: string
    actions: { name: string; access: unknown; description?: string }[]
    queries: { name: string; description?: string }[]
  }[]
}

/** A committed event as `GET /v1/events` streams it. */
export interface CommittedEvent {
  module: string
  type: string
  data: Record<string, unknown>
  txid: string
  index: number
  time: string
  signer: string
}

export type { Genesis, LogEntry, Receipt }
