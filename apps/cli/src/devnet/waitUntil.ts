/** Parameters of `waitUntil`. */
export interface WaitUntilParameters<T> {
  /** Answers a value when the wait is over, undefined to keep waiting; a throw also keeps waiting. */
  check: () => Promise<T | undefined> | T | undefined
  /** What is awaited, for the timeout error. */
  what: string
  timeoutMs?: number
  intervalMs?: number
  /** Ends the wait early with an error (e.g. the awaited process died). */
  abort?: () => string | undefined
}

/**
 * Polls `check` until it answers a value, rather than sleeping a fixed time.
 * The timeout error names what was awaited and the last failure seen.
 *
 * @example const url = await waitUntil({ what: 'node ready', check: () => ready(url) ? url : undefined })
 */
export async function waitUntil<T>({
  check,
  what,
  timeoutMs = 30_000,
  intervalMs = 100,
  abort,
}: WaitUntilParameters<T>): Promise<T> {
  const deadline = Date.now() + timeoutMs
  let last = ''
  for (;;) {
    try {
      const value = await check()
      if (value !== undefined) return value
    } catch (error) {
      last = error instanceof Error ? error.message : String(error)
    }
    const aborted = abort?.()
    if (aborted !== undefined) throw new Error(`${what}: ${aborted}`)
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (${last})` : ''}`)
    await new Promise((resolve) => setTimeout(resolve, intervalMs))
  }
}
