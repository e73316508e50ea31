import type { ErrorHandler, NotFoundHandler } from 'hono'
import type { AppEnv } from './appEnv.js'
import { errorResponse } from './errorResponse.js'

/**
 * The one error handler: catalogued errors answer with their code and the
 * catalogue's status; anything else is logged with the request id and
 * answers a plain 500 INTERNAL.
 *
 * @example app.onError(handleError)
 */
export const handleError: ErrorHandler<AppEnv> = (error, c) => {
  const { status, body, unexpected } = errorResponse(error)
  if (unexpected) c.var.log?.error({ err: error }, 'unexpected error')
  if (body.error.code === 'OVERLOADED' || body.error.code === 'NODE_STOPPED') c.header('Retry-After', '1')
  // The rest of an oversized body is left unread: the client must not reuse
  // this connection for its next request (RFC 9110 §15.5.14).
  if (body.error.code === 'PAYLOAD_TOO_LARGE') c.header('Connection', 'close')
  return c.json(body, status as 500)
}

/**
 * Unknown routes: NOT_FOUND in the error body shape.
 *
 * @example app.notFound(handleNotFound)
 */
export const handleNotFound: NotFoundHandler<AppEnv> = (c) =>
  c.json({ error: { code: 'NOT_FOUND', message: 'no such route' } }, 404)
