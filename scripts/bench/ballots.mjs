import { spawnSync } from 'node:child_process'
import { join } from 'node:path'

/**
 * The ballots figures of issue 6, by modules/ballots/scripts/measure.mjs in
 * its own process (its logic, its worker threads): ballots cast per second
 * end to end through createLedger in its default configuration (signed
 * transaction, admission, the cast precheck verifying the RFC 9474 token and
 * the zero-knowledge proofs with OpenSSL in the verifier worker thread,
 * nullifier, encrypted running tally, durable commit), the CPU time a cast
 * costs on all threads, one ballot's verification alone; and the time to
 * aggregate, partially decrypt (2 of 3 trustees), verify, combine and decode
 * `tally` ballots.
 *
 * @example const b = measureBallots({ root, casts: 3000, tally: 1_000_000 })
 */
export function measureBallots({ root, casts, tally }) {
  const script = join(root, 'modules', 'ballots', 'scripts', 'measure.mjs')
  const run = spawnSync(process.execPath, [script, String(casts), String(tally)], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  })
  if (run.status !== 0) throw new Error(`ballots benchmark failed: ${run.stderr}`)
  const { cast, tally: t } = JSON.parse(run.stdout)
  const v = cast.verifyBallotMicros
  return {
    castPerSecond: cast.perSecond,
    castNote: `${cast.ballots} ballots (${cast.question}, ${cast.ballotBytes} bytes) through createLedger, tokens and proofs verified with ${cast.engine} in the cast precheck, durable commit; best of 1 verifier thread (the default here) ${cast.runs[1].perSecond}/s and 2 ${cast.runs[2].perSecond}/s; wallet encryption ${cast.walletEncryptionsPerSecond}/s per core; recount with OpenSSL ${cast.recountFromEntries.ballotsPerSecond} ballots/s`,
    cpuMicrosPerCast: cast.cpuMicrosPerCast,
    cpuNote: `process CPU time (all threads) per cast in the best run (${cast.verifierThreads} verifier threads; the ledger thread busy ${cast.mainThreadMicrosPerCast} µs per cast): 2 cores give at most ${Math.round(2e6 / cast.cpuMicrosPerCast)} casts/s at this CPU time per cast`,
    verifyMicros: v.opensslMicros,
    verifyNote: `verifyBallot of one ballot (${cast.question}) on one thread: OpenSSL engine ${v.opensslMicros} µs, pure JS (noble, as in browsers) ${v.nobleMicros} µs`,
    tallySeconds: t.totalSeconds,
    tallyNote: `${t.ballots} ballots of 4 options: aggregation ${Math.min(t.aggregateOneThreadSeconds, t.aggregateWorkersSeconds)} s (one thread ${t.aggregateOneThreadSeconds} s, workers ${t.aggregateWorkersSeconds} s), 2-of-3 partial decryptions ${t.partialDecryptionsSeconds} s, verify + combine + decode ${t.verifyCombineDecodeSeconds} s; counts checked`,
  }
}
