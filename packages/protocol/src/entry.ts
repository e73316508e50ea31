import type { TransactionEnvelope } from './envelope.js'

/** The outcome of executing a transaction, recorded in its leaf. */
export type Outcome =
  | { status: 'accepted'; events: string /* hex SHA-256 of JCS(events) */ }
  | { status: 'rejected'; code: string; message: string }

/**
 * A log entry: the JSON whose JCS bytes are the leaf (see docs/leaf-encoding.md).
 * `state` is the running state digest after this entry: hex
 * SHA-256(previous state ‖ SHA-256(JCS(write-set))), so every checkpoint root
 * commits to the state the node computed.
 */
export interface LogEntry {
  v: 1
  txid: string
  tx: TransactionEnvelope
  sig: string
  time: string
  block: number
  outcome: Outcome
  state: string
}

/** An event emitted by a module action. */
export interface LedgerEvent {
  module: string
  type: string
  data: Record<string, unknown>
}
