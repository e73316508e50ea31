import type { Receipt } from '../lib/receipt.js'

/** A member organisation as `/v1/network` lists it. */
export interface MemberInfo {
  id: string
  name: string
  did: string
  logKey: string
  witnessKey: string
  url?: string
}

/** The genesis summary from `/v1/network`, normalised. */
export interface NetworkInfo {
  network: string
  origin: string
  members: MemberInfo[]
  witnessQuorum: number
  governanceThreshold: number
  createdAt?: string
}

/** A transaction envelope (architecture.md, "Transactions"). */
export interface TxEnvelope {
  v: 1
  network: string
  module: string
  action: string
  args: Record<string, unknown>
  signer: string
  nonce: string
  expires: string
}

/** A log entry (the leaf's JSON). */
export interface LogEntry {
  v: 1
  txid: string
  tx: TxEnvelope
  sig: string
  time: string
  block: number
  outcome: { status: 'accepted'; events: string } | { status: 'rejected'; code: string; message: string }
  state: string
}

/** An entry with its position, as `/v1/entries` lists it. */
export interface EntryRow {
  index: number
  txid: string
  entry: LogEntry
}

/** The latest checkpoint (`/v1/checkpoint`). */
export interface CheckpointInfo {
  treeSize: number
  rootHash: string
  stateDigest: string
  note: string
  time: string
}

/** One result of `POST /v1/transactions`. */
export type SubmitResult =
  | {
      ok: true
      txid: string
      index: number
      outcome: LogEntry['outcome']
      receipt?: Receipt
      /** With `wait=final`: false when no quorum of members cosigned in time (the receipt is then the node's own). */
      final?: boolean
    }
  | { ok: false; txid?: string; error: { code: string; message: string } }

/** Theme from `/v1/config/ui`. */
export interface UiConfig {
  name?: string
  logo?: string
  colors: Record<string, string>
  languages?: string[]
  defaultLanguage?: string
}
