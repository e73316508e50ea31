import { OrdererError } from '../ordererError.js'
import { compactedHistory, isRevisionRefusal } from './compactedHistory.js'
import { readLines } from './readLines.js'

/** A key-value pair as etcd returns it (bytes decoded from base64). */
export interface EtcdKeyValue {
  key: string
  value: Buffer
  modRevision: number
}

/** The few etcd v3 calls the orderer needs, over the gRPC-gateway JSON API. */
export interface EtcdClient {
  /** `GET /version`: the server and cluster versions. */
  version(): Promise<{ server: string; cluster: string }>
  /**
   * `POST /v3/kv/put`; resolves with the revision of the write. With
   * `failover: false` one member is tried, not each in turn: a put that
   * timed out may still be committed, and the caller may not want the same
   * key written again (the next call goes to the next member all the same).
   */
  put(key: string, value: Buffer, options?: { failover?: boolean }): Promise<number>
  /** Keys under `prefix` modified at `minModRevision` or later, in revision order. */
  range(p: {
    prefix: string
    minModRevision: number
    limit: number
  }): Promise<{ kvs: EtcdKeyValue[]; more: boolean; revision: number }>
  /** Resolves when etcd still holds its history from revision `from` on; ETCD_COMPACTED when compacted past it. */
  checkHistory(from: number): Promise<void>
  /** `POST /v3/watch` from `startRevision`: calls `onPut` per put, in revision order, until `signal` aborts or the stream ends. */
  watch(p: { prefix: string; startRevision: number; signal: AbortSignal; onPut(kv: EtcdKeyValue): void }): Promise<void>
}

/** Parameters of `createEtcdClient`. */
export interface CreateEtcdClientParameters {
  /** Client URLs of the members, e.g. `http://127.0.0.1:2379`. */
  endpoints: readonly string[]
  /** Deadline of one unary call. DESIGN §2.4: a leader election takes 1–3 s; keep this short and retry elsewhere. */
  requestTimeoutMs?: number
}

/**
 * A purpose-built etcd v3 client over `fetch`: no gRPC stack and no circuit
 * breaker. Each unary call has its own deadline and, on a network failure or
 * timeout, is tried on the next member (the failing one goes to the back), so
 * a dead leader costs one deadline, not a stalled client (DESIGN §2.4).
 *
 * @example const etcd = createEtcdClient({ endpoints: ['http://127.0.0.1:2379'] }); await etcd.put('k', Buffer.from('v'))
 */
export function createEtcdClient({ endpoints, requestTimeoutMs = 2_000 }: CreateEtcdClientParameters): EtcdClient {
  if (endpoints.length === 0) throw new OrdererError('ETCD_UNREACHABLE', 'no etcd endpoint is configured')
  const order = endpoints.map((e) => e.replace(/\/+$/, ''))
  const call = async (path: string, body: unknown | undefined, failover = true): Promise<unknown> => {
    const errors: string[] = []
    for (let attempt = 0; attempt < (failover ? order.length : 1); attempt++) {
      const base = order[0] as string
      try {
        return await request(`${base}${path}`, body, requestTimeoutMs)
      } catch (error) {
        if (error instanceof OrdererError) throw error // the member answered: retrying elsewhere will not help
        errors.push(`${base}: ${(error as Error).message}`)
        order.push(order.shift() as string)
      }
    }
    throw new OrdererError('ETCD_UNREACHABLE', `no etcd member answered ${path}`, { details: { errors } })
  }
  return {
    async version() {
      const v = (await call('/version', undefined)) as { etcdserver?: string; etcdcluster?: string }
      return { server: String(v.etcdserver ?? ''), cluster: String(v.etcdcluster ?? '') }
    },
    async put(key, value, options) {
      const body = { key: b64(key), value: value.toString('base64') }
      const r = (await call('/v3/kv/put', body, options?.failover)) as Answer
      return Number(r.header?.revision ?? 0)
    },
    async range({ prefix, minModRevision, limit }) {
      const r = (await call('/v3/kv/range', {
        key: b64(prefix),
        range_end: b64(prefixEnd(prefix)),
        min_mod_revision: String(minModRevision),
        sort_order: 'ASCEND',
        sort_target: 'MOD',
        limit: String(limit),
      })) as Answer & { kvs?: RawKv[]; more?: boolean }
      return { kvs: (r.kvs ?? []).map(decodeKv), more: r.more === true, revision: Number(r.header?.revision ?? 0) }
    },
    async checkHistory(from) {
      try {
        // A read at revision `from`: etcd refuses it once compaction passed it.
        await call('/v3/kv/range', { key: b64('/'), revision: String(from), count_only: true })
      } catch (error) {
        if (isRevisionRefusal(error, 'compacted')) throw compactedHistory(from - 1, error)
        if (!isRevisionRefusal(error, 'future revision')) throw error // a future revision: nothing is missed
      }
    },
    watch: (p) => watchOnce(order[0] as string, p),
  }
}

interface Answer {
  header?: { revision?: string }
}
interface RawKv {
  key: string
  value?: string
  mod_revision: string
}

async function request(url: string, body: unknown | undefined, timeoutMs: number): Promise<unknown> {
  const response = await fetch(url, {
    method: body === undefined ? 'GET' : 'POST',
    ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    signal: AbortSignal.timeout(timeoutMs),
  })
  const text = await response.text()
  if (!response.ok) {
    throw new OrdererError('ETCD_REQUEST_FAILED', `etcd answered ${response.status} to ${new URL(url).pathname}`, {
      details: { status: response.status, body: text.slice(0, 500) },
    })
  }
  return JSON.parse(text) as unknown
}

async function watchOnce(
  base: string,
  p: { prefix: string; startRevision: number; signal: AbortSignal; onPut(kv: EtcdKeyValue): void },
): Promise<void> {
  const response = await fetch(`${base}/v3/watch`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      create_request: {
        key: b64(p.prefix),
        range_end: b64(prefixEnd(p.prefix)),
        start_revision: String(p.startRevision),
      },
    }),
    signal: p.signal,
  })
  if (!response.ok || response.body === null) {
    throw new OrdererError('ETCD_REQUEST_FAILED', `etcd answered ${response.status} to /v3/watch`)
  }
  // The gateway streams one JSON object per line: {"result": {...}} or {"error": {...}}.
  for await (const line of readLines(response.body as unknown as AsyncIterable<Uint8Array>)) {
    handleWatchLine(line, p.onPut)
  }
}

function handleWatchLine(line: string, onPut: (kv: EtcdKeyValue) => void): void {
  const message = JSON.parse(line) as {
    result?: {
      events?: { type?: string; kv: RawKv }[]
      compact_revision?: string
      canceled?: boolean
      cancel_reason?: string
    }
    error?: { message?: string }
  }
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
  for (const event of result?.events ?? []) if (event.type !== 'DELETE') onPut(decodeKv(event.kv))
}

function decodeKv(kv: RawKv): EtcdKeyValue {
  return {
    key: Buffer.from(kv.key, 'base64').toString(),
    value: Buffer.from(kv.value ?? '', 'base64'),
    modRevision: Number(kv.mod_revision),
  }
}

const b64 = (bytes: string | Buffer) => Buffer.from(bytes).toString('base64')

// etcd's range_end for "every key with this prefix": the prefix with its last byte + 1.
function prefixEnd(prefix: string): Buffer {
  const bytes = Buffer.from(prefix)
  let i = bytes.length - 1
  while (i >= 0 && bytes[i] === 0xff) i--
  if (i < 0) return Buffer.from([0])
  bytes[i] = (bytes[i] as number) + 1
  return bytes.subarray(0, i + 1)
}
