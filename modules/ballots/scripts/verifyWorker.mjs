// One worker of measure.mjs's pre-verification pool: verifies answers and
// posts back the statement digests that hold (the ledger then skips them).
import { parentPort } from 'node:worker_threads'
import { statementDigest, verifyAnswer } from '../dist/index.js'

parentPort.on('message', ({ id, statements }) => {
  const ok = []
  for (const s of statements) {
    try {
      verifyAnswer(s)
      ok.push(statementDigest(s))
    } catch {
      // left to the ledger, which refuses it with the reason
    }
  }
  parentPort.postMessage({ id, ok })
})
