import assert from 'node:assert/strict'

/**
 * Polls `check` every 20 ms until it holds; fails the test after `timeoutMs`,
 * naming `what` it was waiting for.
 *
 * @example await waitFor('the node to stop', () => ledger.health().status === 'stopped')
 */
export async function waitFor(
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
