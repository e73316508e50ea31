/**
 * Where the ledger reports what clients must not see (unexpected errors).
 * pino's `logger.error(object, message)` fits as is.
 */
export interface LedgerLogger {
  error(details: Record<string, unknown>, message: string): void
  warn(details: Record<string, unknown>, message: string): void
}

/** The default logger: one JSON line on stderr per report. */
export const consoleLogger: LedgerLogger = {
  error: (details, message) => console.error(JSON.stringify({ level: 'error', message, ...serialise(details) })),
  warn: (details, message) => console.error(JSON.stringify({ level: 'warn', message, ...serialise(details) })),
}

function serialise(details: Record<string, unknown>): Record<string, unknown> {
  const err = details.err
  if (!(err instanceof Error)) return details
  return { ...details, err: { name: err.name, message: err.message, stack: err.stack } }
}
