import { OrdererError } from '../ordererError.js'
import { b64, decodeKv, type EtcdKeyValue, prefixEnd, type RawKv } from './etcdWire.js'
import { readLines } from './readLines.js'

/** Parameters of `EtcdClient.watch`. */
export interface WatchParameters {
  prefix: string
  startRevision: number
  signal: AbortSignal
  onPut(kv: EtcdKeyValue): void | Promise<void>
  /**
   * With it, etcd is asked for progress notifications: it sends one (at its
   * `--experimental-watch-progress-notify-interval`, 10 minutes by default)
   * only to a watcher that is synced, so every put up to `revision` was
   * passed to `onPut` before this call.
   */
  onProgress?: ((revision: number) => void) | undefined
}

/**
 * One watch of the keys under `p.prefix` over the gateway's streaming
 * `POST /v3/watch` (see `EtcdClient.watch`); throws ETCD_COMPACTED when etcd
 * compacted past `p.startRevision`, ETCD_REQUEST_FAILED when it refuses or
 * cancels the watch.
 *
 * @example await watchPrefix('http://127.0.0.1:2379', { prefix, startRevision: 1, signal, onPut })
 */
export async function watchPrefix(base: string, p: WatchParameters): Promise<void> {
  const response = await fetch(`${base}/v3/watch`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      create_request: {
        key: b64(p.prefix),
        range_end: b64(prefixEnd(p.prefix)),
        start_revision: String(p.startRevision),
        // A watch started in the past gets up to 1,000 revisions in one
        // response; fragments keep each line near etcd's request limit (1.5 MiB).
        fragment: true,
        ...(p.onProgress === undefined ? {} : { progress_notify: true }),
      },
    }),
    signal: p.signal,
  })
  if (!response.ok || response.body === null) {
    throw new OrdererError('ETCD_REQUEST_FAILED', `etcd answered ${response.status} to /v3/watch`)
  }
  // The gateway streams one JSON object per line: {"result": {...}} or {"error": {...}}.
  for await (const line of readLines(response.body as unknown as AsyncIterable<Uint8Array>)) {
    await handleWatchLine(line, p)
  }
}

interface WatchLine {
  result?: {
    header?: { revision?: string }
    created?: boolean
    events?: { type?: string; kv: RawKv }[]
    compact_revision?: string
    canceled?: boolean
    cancel_reason?: string
  }
  error?: { message?: string }
}

async function handleWatchLine(line: string, p: WatchParameters): Promise<void> {
  const message = JSON.parse(line) as WatchLine
  if (message.error !== undefined) {
    throw new OrdererError('ETCD_REQUEST_FAILED', `the etcd watch failed: ${message.error.message ?? 'unknown'}`)
  }
  const result = message.result
  if (result?.compact_revision !== undefined && result.compact_revision !== '0') {
    throw new OrdererError('ETCD_COMPACTED', 'etcd compacted the history this node still needs', {
      details: { compactRevision: Number(result.compact_revision) },
    })
  }
  if (result?.canceled === true) {
    throw new OrdererError('ETCD_REQUEST_FAILED', `etcd cancelled the watch: ${result.cancel_reason ?? ''}`)
  }
  const events = result?.events ?? []
  // Decoded one at a time: the events after a slow put stay base64 in this line, not Buffers.
  for (const event of events) if (event.type !== 'DELETE') await p.onPut(decodeKv(event.kv))
  if (isProgressNotification(result)) p.onProgress?.(Number(result.header?.revision ?? 0))
}

/**
 * True for a progress notification: a response with no event that is not
 * the watch's `created` answer. etcd sends the latter before the watcher is
 * synced, so its revision says nothing of what was sent.
 */
function isProgressNotification(result: WatchLine['result']): result is NonNullable<WatchLine['result']> {
  return result !== undefined && result.created !== true && (result.events ?? []).length === 0
}
