import type { CommittedEvent, Ledger } from '@tabularium/ledger'
import { ProtocolError } from '@tabularium/protocol'
import { Hono } from 'hono'
import { type SSEStreamingApi, streamSSE } from 'hono/streaming'
import type { AppEnv } from '../http/appEnv.js'

/** Options of `eventRoutes`. */
export interface EventRoutesParameters {
  ledger: Ledger
  shutdown: AbortSignal
  /** Interval of the `: heartbeat` comments that keep proxies from closing idle streams. */
  heartbeatMs: number
  /** Most streams open at once; more get OVERLOADED. */
  maxClients: number
}

/** The routes, and a live count of open streams for /metrics. */
export interface EventRoutes {
  app: Hono<AppEnv>
  clients: () => number
}

// A client that falls this many blocks behind is dropped rather than buffered
// without bound; it reconnects and reads the gap from /v1/entries.
const MAX_QUEUED_BLOCKS = 1000

type Item = CommittedEvent[] | 'heartbeat'

/**
 * GET /v1/events: server-sent events, one `event: committed` per committed
 * ledger event (`id` = its log index), with heartbeat comments. The ledger
 * subscription and the timer end when the client goes away or the node stops.
 *
 * @example const events = eventRoutes({ ledger, shutdown, heartbeatMs: 15_000, maxClients: 1000 }); app.route('/', events.app)
 */
export function eventRoutes({ ledger, shutdown, heartbeatMs, maxClients }: EventRoutesParameters): EventRoutes {
  const app = new Hono<AppEnv>()
  let clients = 0
  app.get('/v1/events', (c) => {
    if (shutdown.aborted) throw new ProtocolError('NODE_STOPPED', 'the node is shutting down')
    if (clients >= maxClients) throw new ProtocolError('OVERLOADED', 'too many event streams are open')
    clients += 1
    c.header('X-Accel-Buffering', 'no')
    return streamSSE(c, async (stream) => {
      try {
        await pump({ stream, ledger, shutdown, heartbeatMs })
      } finally {
        clients -= 1
      }
    })
  })
  return { app, clients: () => clients }
}

async function pump(p: {
  stream: SSEStreamingApi
  ledger: Ledger
  shutdown: AbortSignal
  heartbeatMs: number
}): Promise<void> {
  const queue: Item[] = []
  let wake: (() => void) | undefined
  let closed = false
  const close = () => {
    closed = true
    wake?.()
  }
  const push = (item: Item) => {
    if (queue.length >= MAX_QUEUED_BLOCKS) return close()
    queue.push(item)
    wake?.()
  }
  const unsubscribe = p.ledger.subscribe((events) => push(events))
  const timer = setInterval(() => push('heartbeat'), p.heartbeatMs)
  p.stream.onAbort(close)
  p.shutdown.addEventListener('abort', close)
  try {
    await p.stream.write(': connected\n\n')
    while (!closed && !p.stream.aborted) {
      if (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve))
      wake = undefined
      for (let item = queue.shift(); item !== undefined && !closed; item = queue.shift()) await send(p.stream, item)
    }
  } finally {
    unsubscribe()
    clearInterval(timer)
    p.shutdown.removeEventListener('abort', close)
  }
}

async function send(stream: SSEStreamingApi, item: Item): Promise<void> {
  if (item === 'heartbeat') return stream.write(': heartbeat\n\n').then(() => undefined)
  for (const event of item) {
    await stream.writeSSE({ event: 'committed', id: String(event.index), data: JSON.stringify(event) })
  }
}
