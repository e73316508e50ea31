import { isErrorCode } from '@tabularium/protocol'
import { SdkError } from '../errors.js'

/** A fetch function: the global one, or any compatible implementation. */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>

/** Query-string values; arrays repeat the key. */
export type QueryValue = string | number | boolean | undefined | readonly (string | number | boolean)[]

/** Options of one request. */
export interface RequestParameters {
  method?: 'GET' | 'POST'
  path: string
  query?: Record<string, QueryValue>
  body?: unknown
  accept?: string
  signal?: AbortSignal | undefined
  /** Statuses whose body is returned rather than thrown (a batch answers 4xx with results). */
  acceptStatus?: (status: number, body: unknown) => boolean
}

/** What a request returns: the status and the parsed body. */
export interface RequestResult<T> {
  status: number
  body: T
}

/**
 * Builds the one function every client call goes through: it joins the URL,
 * sends JSON, and turns every failure into an `SdkError` with the server's
 * catalogued code (or a client-side code when there is no usable answer).
 *
 * @example
 * const request = createRequester({ baseUrl: 'http://127.0.0.1:8080', fetch })
 * const { body } = await request<CheckpointView>({ path: '/v1/checkpoint' })
 */
export function createRequester({ baseUrl, fetch }: { baseUrl: string; fetch: FetchLike }) {
  const base = baseUrl.replace(/\/+$/, '')
  return async function request<T>(p: RequestParameters): Promise<RequestResult<T>> {
    const response = await send(fetch, buildUrl(base, p.path, p.query), p)
    const text = await readText(response)
    if (p.accept !== undefined && !p.accept.includes('json') && response.ok) {
      return { status: response.status, body: text as T }
    }
    const body = parseBody(text, response)
    if (response.ok || p.acceptStatus?.(response.status, body)) return { status: response.status, body: body as T }
    throw errorFromBody(response.status, body)
  }
}

/** Joins base, path and query; query values are URL-encoded, never spliced raw. */
export function buildUrl(base: string, path: string, query: Record<string, QueryValue> = {}): string {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue
    for (const item of Array.isArray(value) ? value : [value]) search.append(key, String(item))
  }
  const qs = search.toString()
  return `${base}${path}${qs === '' ? '' : `?${qs}`}`
}

async function send(fetch: FetchLike, url: string, p: RequestParameters): Promise<Response> {
  const headers: Record<string, string> = { accept: p.accept ?? 'application/json' }
  const init: RequestInit = { method: p.method ?? 'GET', headers }
  if (p.body !== undefined) {
    headers['content-type'] = 'application/json'
    init.body = JSON.stringify(p.body)
  }
  if (p.signal !== undefined) init.signal = p.signal
  try {
    return await fetch(url, init)
  } catch (cause) {
    throw new SdkError('NETWORK_ERROR', `request to ${url} failed: ${describe(cause)}`, { cause, details: { url } })
  }
}

async function readText(response: Response): Promise<string> {
  try {
    return await response.text()
  } catch (cause) {
    throw new SdkError('NETWORK_ERROR', `reading the answer failed: ${describe(cause)}`, { cause })
  }
}

function parseBody(text: string, response: Response): unknown {
  if (text === '') return undefined
  try {
    return JSON.parse(text)
  } catch (cause) {
    if (!response.ok) return undefined
    throw new SdkError('INVALID_RESPONSE', `expected JSON, got ${text.slice(0, 80)}`, {
      cause,
      details: { status: response.status },
    })
  }
}

/** The SdkError for a failed response: the server's code when it is catalogued. */
export function errorFromBody(status: number, body: unknown): SdkError {
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)?.error
  const message = typeof error?.message === 'string' ? error.message : `HTTP ${status}`
  // The server's details first, so that they can never mask the real status.
  const extra = error?.details !== null && typeof error?.details === 'object' ? error.details : {}
  const details: Record<string, unknown> = { ...extra, status }
  if (typeof error?.code === 'string' && isErrorCode(error.code)) return new SdkError(error.code, message, { details })
  if (typeof error?.code === 'string') details.serverCode = error.code
  return new SdkError('HTTP_ERROR', message, { details })
}

function describe(cause: unknown): string {
  const inner = (cause as { cause?: { code?: string; message?: string } })?.cause
  return inner?.code ?? inner?.message ?? (cause instanceof Error ? cause.message : String(cause))
}
