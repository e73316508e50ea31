import type { Json } from '@tabularium/ledger'
import { nodeEngine } from '@tabularium/voting/node'
import { verifyAnswer } from '../rules/verifyAnswer.js'
import type { CastJob, CastPrecheckResult } from './castPrecheck.js'

/**
 * Runs in a ledger worker thread (see `castPrecheck`): verifies a cast's
 * token and answers with OpenSSL and says which parts hold. A part that does
 * not is left to the action, which refuses it with the reason.
 *
 * @example runPrecheck(job) // { token: true, answers: [true, false] }
 */
export function runPrecheck(job: Json): Json {
  const { issuerKey, token, answers } = job as unknown as CastJob
  const result: CastPrecheckResult = {
    token: holds(() => nodeEngine.verifyToken({ publicKey: issuerKey, token })),
    answers: answers.map(({ election, rule, answer }) =>
      holds(() => verifyAnswer({ election, rule: rule ?? undefined, answer }, nodeEngine)),
    ),
  }
  return result
}

function holds(check: () => void): boolean {
  try {
    check()
    return true
  } catch {
    return false
  }
}
