import { BaseError } from '@tabularium/core'

/** JSON over HTTP to a node: node errors (`{ error: { code, message } }`) and OAuth errors become `BaseError`s. */
export interface NodeHttp {
  baseUrl: string
  get<T>(path: string, query?: Record<string, string | undefined>): Promise<T>
  getText(path: string): Promise<string>
  post<T>(path: string, body: unknown, options?: { form?: boolean; bearer?: string }): Promise<T>
}

/**
 * A tiny client for the identity routes the SDK does not wrap (registry,
 * OpenID4VCI, signed commands).
 *
 * @example const http = createNodeHttp('http://127.0.0.1:8080'); await http.get('/v1/registry/dids/did:tab:zug')
 */
export function createNodeHttp(baseUrl: string): NodeHttp {
  const base = baseUrl.replace(/\/+$/, '')
  const url = (path: string, query: Record<string, string | undefined> = {}) => {
    const search = new URLSearchParams()
    for (const [k, v] of Object.entries(query)) if (v !== undefined) search.set(k, v)
    const qs = search.toString()
    return `${path.startsWith('http') ? path : `${base}${path}`}${qs ? `?${qs}` : ''}`
  }
  const read = async <T>(response: Response): Promise<T> => {
    const text = await response.text()
    let body: Record<string, unknown>
    try {
      body = JSON.parse(text) as Record<string, unknown>
    } catch {
      throw new BaseError('INVALID_RESPONSE', `the node answered ${response.status} without JSON`)
    }
    if (response.ok) return body as T
    const error = body.error as { code?: string; message?: string } | string | undefined
    if (typeof error === 'string') throw new BaseError(error, String(body.error_description ?? error))
    throw new BaseError(error?.code ?? 'HTTP_ERROR', error?.message ?? `HTTP ${response.status}`)
  }
  const call = async (target: string, init?: RequestInit) => {
    try {
      return await fetch(target, init)
    } catch (cause) {
      throw new BaseError('NO_NODE', `cannot reach the node at ${base}`, { cause })
    }
  }
  return {
    baseUrl: base,
    get: async (path, query) => read(await call(url(path, query), { headers: { accept: 'application/json' } })),
    async getText(path) {
      const response = await call(url(path))
      if (!response.ok) throw new BaseError('HTTP_ERROR', `HTTP ${response.status} for ${path}`)
      return response.text()
    },
    async post(path, body, { form = false, bearer } = {}) {
      const headers: Record<string, string> = {
        'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json',
        ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
      }
      const payload = form ? new URLSearchParams(body as Record<string, string>).toString() : JSON.stringify(body)
      return read(await call(url(path), { method: 'POST', headers, body: payload }))
    },
  }
}
