/** One hostile request: built lazily, so signing happens inside the property run. */
export interface HostileRequest {
  /** What the request tries, for failure reports. */
  kind: string
  path: string
  init: RequestInit
}

const JSON_HEADERS = { 'content-type': 'application/json' }

/** A POST of a JSON value (or raw text) to /v1/transactions. */
export function post(
  kind: string,
  body: unknown,
  headers: Record<string, string> = JSON_HEADERS,
  query = '',
): HostileRequest {
  return {
    kind,
    path: `/v1/transactions${query}`,
    init: { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) },
  }
}

/** A GET of a path. */
export function get(kind: string, path: string): HostileRequest {
  return { kind, path, init: { method: 'GET' } }
}

/** A body stream of `chunks` × 64 KiB that counts how much was read. */
export function bigStream(chunks: number): ReadableStream<Uint8Array> {
  const chunk = new Uint8Array(64 * 1024).fill(0x5b)
  let sent = 0
  return new ReadableStream({
    pull(controller) {
      if (sent++ >= chunks) return controller.close()
      controller.enqueue(chunk)
    },
  })
}
