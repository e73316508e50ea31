/** One server-sent event (WHATWG HTML §9.2). */
export interface ServerSentEvent {
  event: string
  data: string
  id?: string
}

/**
 * Parses a `text/event-stream` body into events. It reads from a fetch body,
 * so it works in browsers and in Node without `EventSource` (which cannot
 * send headers and is missing from Node 20).
 *
 * @example
 * for await (const { event, data } of parseEventStream(response.body)) console.log(event, data)
 */
export async function* parseEventStream(body: ReadableStream<Uint8Array>): AsyncGenerator<ServerSentEvent> {
  const reader = body.getReader()
  const decoder = new TextDecoder()
  let buffer = ''
  let pending: { event?: string; data: string[]; id?: string } = { data: [] }
  let finished = false
  try {
    for (;;) {
      const { done, value } = await reader.read()
      buffer += done ? decoder.decode() : decoder.decode(value, { stream: true })
      const lines = buffer.split(/\r\n|\r|\n/)
      // The last piece may be an incomplete line; keep it until more arrives.
      buffer = done ? '' : (lines.pop() ?? '')
      for (const line of lines) {
        if (line === '') {
          if (pending.data.length > 0) yield toEvent(pending)
          pending = { data: [] }
        } else {
          applyField(pending, line)
        }
      }
      if (done) {
        finished = true
        return
      }
    }
  } finally {
    // A consumer that stops early must close the connection, not just drop it.
    if (!finished) await reader.cancel().catch(() => undefined)
    reader.releaseLock()
  }
}

function applyField(pending: { event?: string; data: string[]; id?: string }, line: string): void {
  if (line.startsWith(':')) return // a comment (heartbeats)
  const colon = line.indexOf(':')
  const field = colon === -1 ? line : line.slice(0, colon)
  let value = colon === -1 ? '' : line.slice(colon + 1)
  if (value.startsWith(' ')) value = value.slice(1)
  if (field === 'event') pending.event = value
  else if (field === 'data') pending.data.push(value)
  else if (field === 'id') pending.id = value
}

function toEvent(pending: { event?: string; data: string[]; id?: string }): ServerSentEvent {
  const event: ServerSentEvent = { event: pending.event ?? 'message', data: pending.data.join('\n') }
  if (pending.id !== undefined) event.id = pending.id
  return event
}
