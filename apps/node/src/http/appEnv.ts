import type { Logger } from 'pino'

/** What every request carries through the middleware chain. */
export interface AppEnv {
  Variables: {
    /** The request id: the client's `X-Request-Id` when well-formed, else a new UUID. */
    requestId: string
    /** The request's child logger, bound to its id. */
    log: Logger
  }
}
