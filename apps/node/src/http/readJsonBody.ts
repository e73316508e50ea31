import { ProtocolError } from '@tabularium/protocol'
import { assertJsonValue } from './assertJsonValue.js'

/** Options of `readJsonBody`. */
export interface ReadJsonBodyParameters {
  request: Request
  /** Largest body accepted, in bytes. */
  maxBytes: number
}

/**
 * Reads a JSON request body without ever holding more than `maxBytes`: the
 * declared length is checked first, then the stream is counted as it arrives
 * and cancelled as soon as it goes over (a lying or absent Content-Length
 * changes nothing). Throws UNSUPPORTED_MEDIA_TYPE, PAYLOAD_TOO_LARGE,
 * INVALID_ENCODING or INVALID_JSON.
 *
 * @example const body = await readJsonBody({ request: c.req.raw, maxBytes: LIMITS.maxBodyBytes })
 */
export async function readJsonBody({ request, maxBytes }: ReadJsonBodyParameters): Promise<unknown> {
  assertJsonContentType(request.headers.get('content-type'))
  const declared = request.headers.get('content-length')
  if (declared !== null && Number(declared) > maxBytes) throw tooLarge(maxBytes)
  const bytes = await readLimited(request.body, maxBytes)
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    throw new ProtocolError('INVALID_ENCODING', 'the body is not valid UTF-8')
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw new ProtocolError('INVALID_JSON', 'the body is not valid JSON')
  }
  assertJsonValue(value)
  return value
}

function assertJsonContentType(header: string | null): void {
  const type = header?.split(';', 1)[0]?.trim().toLowerCase()
  if (type !== 'application/json') {
    throw new ProtocolError('UNSUPPORTED_MEDIA_TYPE', 'the body must be sent as application/json')
  }
}

function tooLarge(maxBytes: number): ProtocolError {
  return new ProtocolError('PAYLOAD_TOO_LARGE', `the body is over ${maxBytes} bytes`, { details: { maxBytes } })
}

/**
 * Reads a request body stream, cancelling it as soon as it goes over
 * `maxBytes` (PAYLOAD_TOO_LARGE): the rest is never buffered.
 *
 * @example const bytes = await readLimited(c.req.raw.body, 65536)
 */
export async function readLimited(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<Uint8Array> {
  if (body === null) return new Uint8Array(0)
  const reader = body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > maxBytes) {
      // Stop reading at once: the rest of the stream is never buffered.
      await reader.cancel().catch(() => undefined)
      throw tooLarge(maxBytes)
    }
    chunks.push(value)
  }
  const bytes = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return bytes
}
