import { SdkError } from '../errors.js'
import type { CommittedEvent } from '../wire.js'
import { parseEventStream } from './parseEventStream.js'
import { buildUrl, errorFromBody, type FetchLike } from './request.js'

/** Options of `client.events`. */
export interface EventsParameters {
  /** Abort to close the stream. */
  signal?: AbortSignal
}

/**
 * Streams `event: committed` from `GET /v1/events` as typed events, over a
 * fetch body so that it runs in Node and in browsers alike.
 */
export async function* streamEvents(
  { base, fetch }: { base: string; fetch: FetchLike },
  { signal }: EventsParameters = {},
): AsyncGenerator<CommittedEvent> {
  const url = buildUrl(base, '/v1/events')
  let response: Response
  try {
    response = await fetch(url, { headers: { accept: 'text/event-stream' }, ...(signal ? { signal } : {}) })
  } catch (cause) {
    throw new SdkError('NETWORK_ERROR', `cannot open the event stream at ${url}`, { cause })
  }
  if (!response.ok) throw errorFromBody(response.status, await response.json().catch(() => undefined))
  if (response.body === null) throw new SdkError('INVALID_RESPONSE', 'the event stream has no body')
  for await (const message of parseEventStream(response.body)) {
    if (message.event !== 'committed') continue
    try {
      yield JSON.parse(message.data) as CommittedEvent
    } catch (cause) {
      throw new SdkError('INVALID_RESPONSE', 'an event carries no valid JSON', { cause })
    }
  }
}
