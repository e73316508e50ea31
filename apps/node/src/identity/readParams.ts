import { ProtocolError } from '@tabularium/protocol'
import { readJsonBody } from '../http/readJsonBody.js'

const MAX_BYTES = 256 * 1024

/**
 * Reads an OAuth-style body: `application/x-www-form-urlencoded` (what
 * OpenID4VCI token requests and OpenID4VP `direct_post` use) or JSON, at most
 * 256 KiB, counted while reading. Values are strings (JSON: as sent).
 *
 * @example const params = await readParams(c.req.raw)
 */
export async function readParams(request: Request): Promise<Record<string, unknown>> {
  const type = request.headers.get('content-type')?.split(';', 1)[0]?.trim().toLowerCase()
  if (type !== 'application/x-www-form-urlencoded') {
    const body = await readJsonBody({ request, maxBytes: MAX_BYTES })
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      throw new ProtocolError('INVALID_REQUEST', 'expected a JSON object')
    }
    return body as Record<string, unknown>
  }
  const text = new TextDecoder().decode(await readLimited(request.body))
  return Object.fromEntries(new URLSearchParams(text))
}

async function readLimited(body: ReadableStream<Uint8Array> | null): Promise<Uint8Array> {
  if (body === null) return new Uint8Array(0)
  const reader = body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > MAX_BYTES) {
      await reader.cancel()
      throw new ProtocolError('PAYLOAD_TOO_LARGE', `the body is over ${MAX_BYTES} bytes`, {
        details: { maxBytes: MAX_BYTES },
      })
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks)
}
