import type { Database } from 'better-sqlite3'
import type { TreeNode } from '@tabularium/log'
import type { ExecutedEntry } from '../executor/executeTransaction.js'
import { asBuffer } from './asBuffer.js'
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
  txids: readonly Buffer[]
  nodes: readonly TreeNode[]
  nonces: readonly { signer: string; nonce: string; expiresMs: number }[]
  checkpoint: CheckpointRow
}

/** Writes a block's rows; the caller wraps it in one SQLite transaction. */
export type BlockWriter = (rows: BlockRows) => void

/**
 * Prepared statements that store a block: entries, tree nodes, state writes
 * (in entry order, so `state.idx` names the last writer), nonces, events and
 * the checkpoint.
 *
 * @example const write = createBlockWriter({ db, state }); db.transaction(write)(rows)
 */
export function createBlockWriter({ db, state }: { db: Database; state: StateStore }): BlockWriter {
  const entry = db.prepare('INSERT INTO entries (idx, txid, block, leaf) VALUES (?, ?, ?, ?)')
  const node = db.prepare('INSERT INTO nodes (level, idx, hash) VALUES (?, ?, ?)')
  const nonce = db.prepare('INSERT INTO nonces (signer, nonce, expires) VALUES (?, ?, ?)')
  const event = db.prepare('INSERT INTO events (idx, seq, module, type, data) VALUES (?, ?, ?, ?, ?)')
  const checkpoint = db.prepare(
    'INSERT INTO checkpoints (tree_size, block, root, state, note, time) VALUES (?, ?, ?, ?, ?, ?)',
  )
  return (rows) => {
    rows.entries.forEach((e, i) => {
      entry.run(e.index, rows.txids[i], rows.number, rows.leaves[i])
      for (const write of e.writes) state.write(write, e.index)
      e.events.forEach((ev, seq) => event.run(e.index, seq, ev.module, ev.type, ev.data))
    })
    for (const n of rows.nodes) node.run(n.level, n.index, asBuffer(n.hash))
    for (const n of rows.nonces) nonce.run(n.signer, n.nonce, n.expiresMs)
    const c = rows.checkpoint
    checkpoint.run(c.treeSize, c.block, asBuffer(c.rootHash), c.stateDigest, c.note, c.time)
  }
}
