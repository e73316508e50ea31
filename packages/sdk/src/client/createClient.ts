import type { Receipt } from '@tabularium/log'
import type {
  CheckpointView,
  ConsistencyProofView,
  EntriesPage,
  EntryView,
  InclusionProofView,
  ModulesView,
  NetworkView,
  TransactionView,
} from '../wire.js'
import { streamEvents } from './events.js'
import { createRequester, type FetchLike, type QueryValue } from './request.js'
import { type SubmitBatchParameters, type SubmitParameters, submitBatch, submitOne } from './submit.js'

/** Options of `createClient`. */
export interface CreateClientParameters {
  /** The node's base URL, e.g. `http://127.0.0.1:8080`. */
  baseUrl: string
  /** A fetch implementation; the global `fetch` by default. */
  fetch?: FetchLike
}

/** Every call takes an optional abort signal. */
type Signal = { signal?: AbortSignal }

/**
 * A typed client of one node's HTTP API (docs/architecture.md). Every call
 * throws an `SdkError` whose `code` is the server's catalogued code.
 *
 * @example
 * const client = createClient({ baseUrl: 'http://127.0.0.1:8080' })
 * const { receipt } = await client.submit({ transaction: signed })
 * const { treeSize } = await client.getCheckpoint()
 */
export function createClient({ baseUrl, fetch = globalThis.fetch.bind(globalThis) }: CreateClientParameters) {
  const request = createRequester({ baseUrl, fetch })
  const get = async <T>(path: string, query: Record<string, QueryValue>, signal: AbortSignal | undefined) =>
    (await request<T>({ path, query, signal })).body
  const segment = encodeURIComponent
  return {
    submit: (p: SubmitParameters) => submitOne(request, p),
    submitBatch: (p: SubmitBatchParameters) => submitBatch(request, p),
    getTransaction: ({ txid, signal }: { txid: string } & Signal) =>
      get<TransactionView>(`/v1/transactions/${segment(txid)}`, {}, signal),
    getEntries: ({ from = 0, limit = 100, signal }: { from?: number; limit?: number } & Signal = {}) =>
      get<EntriesPage>('/v1/entries', { from, limit }, signal),
    getEntry: ({ index, signal }: { index: number } & Signal) => get<EntryView>(`/v1/entries/${index}`, {}, signal),
    /** With `final`, against the latest checkpoint cosigned by a quorum of members (NOT_FINAL until there is one). */
    getReceipt: ({ index, final, signal }: { index: number; final?: boolean } & Signal) =>
      get<Receipt>(`/v1/receipts/${index}`, final === true ? { final: 'true' } : {}, signal),
    getCheckpoint: ({ signal }: Signal = {}) => get<CheckpointView>('/v1/checkpoint', {}, signal),
    /** The checkpoint as its signed note (text/plain). */
    getCheckpointNote: async ({ signal }: Signal = {}) =>
      (await request<string>({ path: '/v1/checkpoint', accept: 'text/plain', signal })).body,
    getInclusionProof: ({ index, treeSize, signal }: { index: number; treeSize?: number } & Signal) =>
      get<InclusionProofView>('/v1/proofs/inclusion', { index, treeSize }, signal),
    getConsistencyProof: ({ from, to, signal }: { from: number; to?: number } & Signal) =>
      get<ConsistencyProofView>('/v1/proofs/consistency', { from, to }, signal),
    getModules: ({ signal }: Signal = {}) => get<ModulesView>('/v1/modules', {}, signal),
    /** Runs a module's read-only query; `params` go in the query string. */
    query: <T = unknown>({ module, name, params = {}, signal }: QueryParameters & Signal) =>
      get<T>(`/v1/modules/${segment(module)}/queries/${segment(name)}`, params, signal),
    getNetwork: ({ signal }: Signal = {}) => get<NetworkView>('/v1/network', {}, signal),
    /** Committed events as they happen; abort `signal` (or `break`) to close. */
    events: (p: Signal = {}) => streamEvents({ base: baseUrl.replace(/\/+$/, ''), fetch }, p),
  }
}

/** Options of `client.query`. */
export interface QueryParameters {
  module: string
  name: string
  params?: Record<string, QueryValue>
}

/** A client, as `createClient` returns it. */
export type Client = ReturnType<typeof createClient>
