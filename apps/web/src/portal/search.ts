import { ApiError, getEntries, getTransaction } from '../api/client.js'
import type { EntryRow } from '../api/types.js'
import { type Stamp, stampsOfHash } from './notary.js'

/** What a search box query is taken to be. */
export type SearchKind = 'index' | 'hash' | 'signer' | 'module'

/** Classifies a query: an entry number, a 64-hex id or hash, a DID, or a module name. */
export function classifyQuery(q: string): SearchKind {
  if (/^\d+$/.test(q)) return 'index'
  if (/^[0-9a-fA-F]{64}$/.test(q)) return 'hash'
  if (q.startsWith('did:')) return 'signer'
  return 'module'
}

/** The results of a search. */
export interface SearchResult {
  kind: SearchKind
  /** The transaction with this id, if any. */
  transaction?: EntryRow
  /** Stamps of this document hash, if any. */
  stamps: Stamp[]
  /** Entries matching a signer or module among the latest `scanned`. */
  entries: EntryRow[]
  scanned: number
}

// The API has no server-side filter by signer or module: the explorer scans
// the newest entries (up to SCAN_LIMIT) in pages of 1000 and filters here.
const SCAN_LIMIT = 5000
const PAGE = 1000
const MAX_RESULTS = 200

/** Runs a search against the node. */
export async function search(q: string): Promise<SearchResult> {
  const kind = classifyQuery(q)
  const result: SearchResult = { kind, stamps: [], entries: [], scanned: 0 }
  if (kind === 'hash') {
    const hash = q.toLowerCase()
    const [tx, stamps] = await Promise.all([getTransaction(hash).catch(notFound), stampsOfHash(hash).catch(() => [])])
    if (tx) result.transaction = { index: tx.index, txid: tx.txid, entry: tx.entry }
    result.stamps = stamps
    return result
  }
  if (kind === 'signer' || kind === 'module') {
    const [module, action] = q.split(/[.·\s]+/)
    const match =
      kind === 'signer'
        ? (row: EntryRow) => row.entry.tx.signer === q
        : (row: EntryRow) =>
            row.entry.tx.module === module?.toLowerCase() && (!action || row.entry.tx.action === action)
    const { treeSize } = await getEntries(0, 1)
    let end = treeSize
    while (end > 0 && result.scanned < SCAN_LIMIT && result.entries.length < MAX_RESULTS) {
      const from = Math.max(0, end - PAGE)
      const page = await getEntries(from, end - from)
      result.scanned += page.entries.length
      result.entries.push(...page.entries.filter(match).reverse())
      end = from
    }
    result.entries = result.entries.slice(0, MAX_RESULTS)
  }
  return result
}

function notFound(error: unknown): undefined {
  if (error instanceof ApiError && (error.status === 404 || error.status === 400)) return undefined
  throw error
}
