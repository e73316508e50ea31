import type { Json } from '../module/defineModule.js'

/**
 * A precheck worker module for tests: doubles `job.n`, and throws for a
 * negative one (as a failed check would).
 *
 * @example await pool.precheck(new URL('../testing/precheckDoubler.js', import.meta.url).href, [{ n: 2 }]) // [4]
 */
export function runPrecheck(job: Json): Json {
  const n = (job as { n: number }).n
  if (n < 0) throw new Error('negative')
  return n * 2
}
