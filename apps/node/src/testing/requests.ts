import assert from 'node:assert/strict'
import { isErrorCode, statusOf } from '@tabularium/protocol'
import type { Fetch } from './createTestNode.js'

/** POSTs a JSON body (a value, or raw text) to /v1/transactions. */
export function submit(
  fetch: Fetch,
  body: unknown,
  { query = '', headers = {} }: { query?: string; headers?: Record<string, string> } = {},
): Promise<Response> {
  return fetch(`/v1/transactions${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
}

/** The error body of a refusal, checked: catalogued code, the catalogue's status, a message. */
export async function expectError(
  response: Response,
  code: string,
): Promise<{ code: string; message: string; details?: Record<string, unknown> }> {
  const body = (await response.json()) as {
    error?: { code: string; message: string; details?: Record<string, unknown> }
  }
  assert.equal(body.error?.code, code, JSON.stringify(body))
  assert.equal(response.status, statusOf(code))
  assert.equal(typeof body.error?.message, 'string')
  return body.error
}

/** Asserts a response is a well-formed 4xx refusal with a stable catalogue code; returns the code. */
export async function expectRefusal(response: Response): Promise<string> {
  const text = await response.text()
  assert.ok(response.status >= 400 && response.status < 500, `status ${response.status}: ${text.slice(0, 300)}`)
  const body = JSON.parse(text) as { error?: { code?: unknown } }
  const code = body.error?.code
  assert.ok(typeof code === 'string' && isErrorCode(code), `not a catalogue code: ${text.slice(0, 300)}`)
  assert.equal(response.status, statusOf(code))
  return code
}
