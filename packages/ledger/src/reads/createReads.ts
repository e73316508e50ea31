import { consistencyProof, inclusionProof } from '@tabularium/log'
import { ProtocolError } from '@tabularium/protocol'
import type { Json, ModuleDefinition } from '../module/defineModule.js'
import { buildReceipt } from '../receipts/buildReceipt.js'
import { createStateStore } from '../store/createStateStore.js'
import { openDatabase } from '../store/openDatabase.js'
import type { LedgerStore } from '../store/openLedgerStore.js'
import type { Ledger } from '../types.js'
import { createEntryReader } from './createEntryReader.js'
import { createQueryRunner } from './createQueryRunner.js'
import { createTileReader } from './createTileReader.js'
import { assertRange, withCode } from './toProtocolError.js'

/** The read half of a ledger, and how to close what it opened. */
export type LedgerReads = Pick<
  Ledger,
  | 'entry'
  | 'entries'
  | 'transaction'
  | 'checkpoint'
  | 'inclusionProof'
  | 'consistencyProof'
  | 'receipt'
  | 'query'
  | 'state'
  | 'tile'
  | 'entryBundle'
> & { close(): void }

/**
 * The ledger's reads, all synchronous SQLite reads against the latest
 * committed checkpoint. Queries run on a second, read-only connection.
 *
 * @example const reads = createReads({ store, modules, path })
 */
export function createReads(p: {
  store: LedgerStore
  modules: ReadonlyMap<string, ModuleDefinition>
  path: string
}): LedgerReads {
  const { store } = p
  const entries = createEntryReader({ db: store.db })
  const tiles = createTileReader({ db: store.db })
  const queryDb = p.path === ':memory:' || p.path === '' ? undefined : openDatabase({ path: p.path, readonly: true })
  const query = createQueryRunner({
    modules: p.modules,
    db: queryDb ?? store.db,
    state: queryDb === undefined ? store.state : createStateStore({ db: queryDb }),
  })
  const size = () => store.head.treeSize
  return {
    ...entries,
    query,
    checkpoint: () => {
      const { treeSize, rootHash, stateDigest, note, time } = store.head
      return { treeSize, rootHash, stateDigest, note, time }
    },
    inclusionProof(index, treeSize = size()) {
      assertRange('treeSize', treeSize, 1, size())
      assertRange('index', index, 0, treeSize - 1)
      return withCode('INVALID_TREE_SIZE', () => inclusionProof({ index, treeSize, getNode: store.tree.getNode }))
    },
    consistencyProof(from, to = size()) {
      assertRange('to', to, 1, size())
      assertRange('from', from, 1, to)
      return withCode('INVALID_TREE_SIZE', () => consistencyProof({ from, to, getNode: store.tree.getNode }))
    },
    receipt(index) {
      const record = entries.entry(index)
      if (record === undefined) throw new ProtocolError('NOT_FOUND', `no entry at index ${index}`)
      const { treeSize, note } = store.head
      return buildReceipt({ index, txid: record.txid, leaf: record.leaf, treeSize, note, getNode: store.tree.getNode })
    },
    state(module, key) {
      const text = store.state.get(module, key)
      return text === undefined ? undefined : (JSON.parse(text) as Json)
    },
    tile: (level, index, width) => tiles.tile(level, index, width, size()),
    entryBundle: (index, width) => tiles.entryBundle(index, width, size()),
    close: () => queryDb?.close(),
  }
}
