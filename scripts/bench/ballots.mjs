import { spawnSync } from 'node:child_process'
import { join } from 'node:path'

/**
 * The ballots figures of issue 6, by modules/ballots/scripts/measure.mjs in
 * its own process (its logic, its worker threads): ballots cast per second
 * end to end through createLedger (signed transaction, admission, RFC 9474
 * token, zero-knowledge proofs, nullifier, encrypted running tally, durable
 * commit), inline and with the proofs verified ahead in worker threads; and
 * the time to aggregate, partially decrypt (2 of 3 trustees), verify,
 * combine and decode `tally` ballots.
 *
 * @example const b = measureBallots({ root, casts: 120, tally: 1_000_000 })
 */
export function measureBallots({ root, casts, tally }) {
  const script = join(root, 'modules', 'ballots', 'scripts', 'measure.mjs')
  const run = spawnSync(process.execPath, [script, String(casts), String(tally)], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  })
  if (run.status !== 0) throw new Error(`ballots benchmark failed: ${run.stderr}`)
  const { cast, tally: t } = JSON.parse(run.stdout)
  const best = cast.workerThreads.perSecond >= cast.inline.perSecond ? 'worker threads' : 'inline'
  return {
    castPerSecond: Math.max(cast.workerThreads.perSecond, cast.inline.perSecond),
    castNote: `${casts} ballots (${cast.question}) through createLedger, tokens and proofs verified, durable commit; best of inline ${cast.inline.perSecond}/s and ${cast.workerThreads.threads} worker threads verifying ahead ${cast.workerThreads.perSecond}/s (${best}); wallet encryption ${cast.walletEncryptionsPerSecond}/s`,
    tallySeconds: t.totalSeconds,
    tallyNote: `${t.ballots} ballots of 4 options: aggregation ${Math.min(t.aggregateOneThreadSeconds, t.aggregateWorkersSeconds)} s (one thread ${t.aggregateOneThreadSeconds} s, workers ${t.aggregateWorkersSeconds} s), 2-of-3 partial decryptions ${t.partialDecryptionsSeconds} s, verify + combine + decode ${t.verifyCombineDecodeSeconds} s; counts checked`,
  }
}
