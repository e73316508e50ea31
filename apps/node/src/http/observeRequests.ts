import { randomUUID } from 'node:crypto'
import type { MiddlewareHandler } from 'hono'
import { routePath } from 'hono/route'
import type { Logger } from 'pino'
import type { Metrics } from '../metrics/createMetrics.js'
import type { AppEnv } from './appEnv.js'

// A client-chosen id is echoed only when it is short and plain, so that it can
// never inject into logs or headers.
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/

/**
 * The first middleware: gives the request an id (echoed as `X-Request-Id`),
 * a child logger, and when it ends logs one JSON line (route, status,
 * duration) and records the HTTP metrics.
 *
 * @example app.use(observeRequests({ logger, metrics }))
 */
export function observeRequests({ logger, metrics }: { logger: Logger; metrics: Metrics }): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now()
    const given = c.req.header('x-request-id')
    const requestId = given !== undefined && REQUEST_ID.test(given) ? given : randomUUID()
    c.set('requestId', requestId)
    c.set('log', logger.child({ reqId: requestId }))
    // Set before the handler, so it goes with the response the handler
    // creates (set after, hono rebuilds that response: see publicCors).
    c.header('X-Request-Id', requestId)
    await next()
    if (c.res.headers.get('X-Request-Id') !== requestId) c.header('X-Request-Id', requestId)
    const seconds = (performance.now() - started) / 1000
    const route = matchedRoute(c.res.status, routePath(c))
    metrics.observeRequest({ method: c.req.method, route, status: c.res.status, seconds })
    c.var.log.info(
      { method: c.req.method, route, status: c.res.status, durationMs: Math.round(seconds * 1e4) / 10 },
      'request',
    )
  }
}

// The route pattern, or 'unmatched' when only middleware ran (a 404 or 405).
function matchedRoute(status: number, path: string): string {
  return path === '*' || path === '/*' ? (status === 404 || status === 405 ? 'unmatched' : path) : path
}
