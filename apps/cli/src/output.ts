import { isBaseError } from '@tabularium/core'

/** Where and how a command prints: human text, or one JSON document with `--json`. */
export interface Output {
  readonly json: boolean
  /**
   * Prints the result: `human()` as text, or `data` as JSON (pretty, or on one
   * line when `compact`, for long-running commands read line by line).
   */
  result(data: unknown, human: () => string, options?: { compact?: boolean }): void
  /** A side note for people (stderr); silent with `--json`. */
  note(text: string): void
  /** Reports a failure: a JSON `{ ok: false, error }` document, or `error: …` on stderr. */
  failure(error: unknown, extra?: Record<string, unknown>): void
}

/** Streams an output writes to (parameters, so tests can capture them). */
export interface OutputStreams {
  stdout: { write(text: string): unknown }
  stderr: { write(text: string): unknown }
}

/**
 * Creates the output of one command run.
 *
 * @example createOutput({ json: opts.json }).result({ treeSize }, () => `tree size ${treeSize}`)
 */
export function createOutput({
  json = false,
  streams = process,
}: {
  json?: boolean | undefined
  streams?: OutputStreams
}): Output {
  return {
    json,
    result(data, human, { compact = false } = {}) {
      const text = json ? JSON.stringify(data, null, compact ? undefined : 2) : human()
      streams.stdout.write(`${text}\n`)
    },
    note(text) {
      if (!json) streams.stderr.write(`${text}\n`)
    },
    failure(error, extra = {}) {
      const described = describeError(error)
      if (json) streams.stdout.write(`${JSON.stringify({ ok: false, ...extra, error: described }, null, 2)}\n`)
      else streams.stderr.write(`error: ${described.code}: ${described.message}\n`)
    },
  }
}

/** The code and message of any error, with its cause's when that adds something. */
export function describeError(error: unknown): { code: string; message: string; details?: unknown } {
  if (isBaseError(error)) {
    const base = { code: error.code, message: withCause(error.message, error.cause) }
    return error.details === undefined ? base : { ...base, details: error.details }
  }
  const message = error instanceof Error ? error.message : String(error)
  return { code: (error as { code?: string })?.code ?? 'ERROR', message }
}

function withCause(message: string, cause: unknown): string {
  if (!(cause instanceof Error) || message.includes(cause.message)) return message
  return `${message} (${cause.message})`
}
