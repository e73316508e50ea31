import type { TreeNode } from '@tabularium/log'
import type { Database } from 'better-sqlite3'
import type { ExecutedEntry } from '../executor/executeTransaction.js'
import { asBuffer } from './asBuffer.js'
import { createBatchInsert } from './createBatchInsert.js'
import type { StateStore } from './createStateStore.js'

/** A stored checkpoint row. */
export interface CheckpointRow {
  treeSize: number
  block: number
  rootHash: Uint8Array
  stateDigest: string
  note: string
  time: string
}

/** The rows one block adds. */
export interface BlockRows {
  number: number
  entries: readonly ExecutedEntry[]
  leaves: readonly Buffer[]
  nodes: readonly TreeNode[]
  nonces: readonly { tx: { signer: string; nonce: string }; expiresMs: number }[]
  checkpoint: CheckpointRow
}

/** Writes a block's rows; the caller wraps it in one SQLite transaction. */
export type BlockWriter = (rows: BlockRows) => void

/**
 * Statements that store a block: entries, tree nodes, nonces and events as
 * multi-row inserts; state writes in entry order (so `state.idx` names the
 * last writer), and the state sum they leave (integrity/stateSum.ts); the
 * checkpoint.
 *
 * @example const write = createBlockWriter({ db, state }); db.transaction(write)(rows)
 */
export function createBlockWriter({ db, state }: { db: Database; state: StateStore }): BlockWriter {
  const entries = createBatchInsert({ db, table: 'entries', columns: ['idx', 'txid', 'block', 'leaf'] })
  const nodes = createBatchInsert({ db, table: 'nodes', columns: ['level', 'idx', 'hash'] })
  const nonces = createBatchInsert({ db, table: 'nonces', columns: ['signer', 'nonce', 'expires'] })
  const events = createBatchInsert({ db, table: 'events', columns: ['idx', 'seq', 'module', 'type', 'data'] })
  const checkpoint = db.prepare(
    'INSERT INTO checkpoints (tree_size, block, root, state, note, time) VALUES (?, ?, ?, ?, ?, ?)',
  )
  return (rows) => {
    state.openBlock(rows.checkpoint.treeSize - rows.entries.length)
    const entryValues: unknown[] = []
    const eventValues: unknown[] = []
    let eventCount = 0
    rows.entries.forEach((e, i) => {
      entryValues.push(e.index, Buffer.from(e.txid, 'hex'), rows.number, rows.leaves[i])
      for (const write of e.writes) state.write(write, e.index)
      for (const [seq, ev] of e.events.entries()) eventValues.push(e.index, seq, ev.module, ev.type, ev.data)
      eventCount += e.events.length
    })
    entries(entryValues, rows.entries.length)
    events(eventValues, eventCount)
    nodes(
      rows.nodes.flatMap((n) => [n.level, n.index, asBuffer(n.hash)]),
      rows.nodes.length,
    )
    nonces(
      rows.nonces.flatMap((n) => [n.tx.signer, n.tx.nonce, n.expiresMs]),
      rows.nonces.length,
    )
    const c = rows.checkpoint
    checkpoint.run(c.treeSize, c.block, asBuffer(c.rootHash), c.stateDigest, c.note, c.time)
    state.sealBlock(c.treeSize)
  }
}
