#!/usr/bin/env node
// Measures the voting cryptography on this machine and prints JSON:
// ballot encryptions (with proofs) and verifications per second, token
// operations per second, and the time to aggregate and decrypt the tally of
// 1,000,000 ballots of one 4-option single-choice question (3-of-5 trustees).
// Usage: node packages/voting/scripts/measure.mjs [ballots=1000000]
import { availableParallelism } from 'node:os'
import {
  aggregatePacked,
  blindToken,
  createTokenIssuer,
  dealShares,
  decryptTally,
  encryptVote,
  finalizeToken,
  packedBallotBytes,
  partialDecrypt,
  signBlinded,
  verifyBallot,
  verifyToken,
} from '../dist/index.js'
import { aggregateParallel, nodeEngine, signBlindedFast } from '../dist/node/index.js'

const BALLOTS = Number(process.argv[2] ?? 1_000_000)
const POOL = 101 // distinct real ballots, repeated to fill the million (see README)

function rate(seconds, run) {
  let n = 0
  const start = performance.now()
  while (performance.now() - start < seconds * 1000) {
    run(n)
    n++
  }
  return { count: n, perSecond: Math.round((n * 1000) / (performance.now() - start)) }
}
async function rateAsync(seconds, run) {
  let n = 0
  const start = performance.now()
  while (performance.now() - start < seconds * 1000) {
    await run(n)
    n++
  }
  return (n * 1000) / (performance.now() - start)
}

const dealing = dealShares({ threshold: 3, trustees: 5 })
const election = { id: 'measure/q1', publicKey: dealing.commitments[0], options: 4, min: 1, max: 1 }
const ballots = []
const enc = rate(4, (i) => {
  const choices = [0, 0, 0, 0]
  choices[(i * 7 + (i >> 2)) % 4] = 1
  ballots.push({ choices, ballot: encryptVote({ election, choices, context: `n-${i}` }) })
})
while (ballots.length < POOL) {
  const choices = [0, 0, 0, 0]
  choices[ballots.length % 4] = 1
  ballots.push({ choices, ballot: encryptVote({ election, choices, context: `n-${ballots.length}` }) })
}
const ver = rate(4, (i) => verifyBallot({ election, ballot: ballots[i % ballots.length].ballot }))
const verNode = rate(2, (i) =>
  verifyBallot({ election, ballot: ballots[i % ballots.length].ballot, engine: nodeEngine }),
)

// Tokens (2048-bit issuer key).
const issuer = await createTokenIssuer({ modulusLength: 2048 })
const { blindedMessage, state } = await blindToken({ publicKey: issuer.publicKey })
const blindSignature = signBlindedFast({ privateKey: issuer.privateKey, blindedMessage })
const token = await finalizeToken({ publicKey: issuer.publicKey, state, blindSignature })
const tokens = {
  blindPerSecond: Math.round(await rateAsync(2, () => blindToken({ publicKey: issuer.publicKey }))),
  signBlindedJsPerSecond: Math.round(
    await rateAsync(2, () => signBlinded({ privateKey: issuer.privateKey, blindedMessage })),
  ),
  signBlindedNodePerSecond: rate(2, () => signBlindedFast({ privateKey: issuer.privateKey, blindedMessage })).perSecond,
  verifyPerSecond: Math.round(await rateAsync(2, () => verifyToken({ publicKey: issuer.publicKey, token }))),
}

// A million packed ballots, built from a pool of real ones.
const pool = ballots.slice(0, POOL)
const size = packedBallotBytes(4)
const packedPool = pool.map(({ ballot }) => {
  const out = new Uint8Array(size)
  ballot.ciphertexts.forEach((ct, k) => {
    out.set(Buffer.from(ct.alpha, 'base64url'), k * 130)
    out.set(Buffer.from(ct.beta, 'base64url'), k * 130 + 65)
  })
  return out
})
const bytes = new Uint8Array(new SharedArrayBuffer(BALLOTS * size))
const expected = [0, 0, 0, 0]
for (let i = 0; i < BALLOTS; i++) {
  bytes.set(packedPool[i % POOL], i * size)
  pool[i % POOL].choices.forEach((c, k) => {
    expected[k] += c
  })
}

const workers = availableParallelism()
let start = performance.now()
const inThread = aggregatePacked({ bytes, options: 4 })
const inThreadSeconds = (performance.now() - start) / 1000
start = performance.now()
const tally = await aggregateParallel({ bytes, options: 4, workers })
const aggregateSeconds = (performance.now() - start) / 1000
start = performance.now()
const partials = dealing.shares.slice(1, 4).map((share) => partialDecrypt({ election, tally, share }))
const partialSeconds = (performance.now() - start) / 1000
start = performance.now()
const counts = decryptTally({ election, tally, partials, commitments: dealing.commitments, maxVotes: BALLOTS })
const recountSeconds = (performance.now() - start) / 1000
if (JSON.stringify(inThread) !== JSON.stringify(tally)) throw new Error('in-thread and worker tallies differ')
if (counts.join() !== expected.join()) throw new Error(`tally ${counts} != ${expected}`)

console.log(
  JSON.stringify(
    {
      machine: { cores: workers, node: process.version },
      group: 'P-256 (uncompressed SEC1 points)',
      ballot: { question: '1 question, 4 options, single choice (min 1, max 1)' },
      encryptionsPerSecond: enc.perSecond,
      verificationsPerSecond: ver.perSecond,
      nodeEngineVerificationsPerSecond: verNode.perSecond,
      tokens,
      tally: {
        ballots: BALLOTS,
        distinctBallots: POOL,
        workers,
        aggregateWorkersSeconds: +aggregateSeconds.toFixed(2),
        aggregateOneThreadSeconds: +inThreadSeconds.toFixed(2),
        partialDecryptionsSeconds: +partialSeconds.toFixed(3),
        verifyCombineDecodeSeconds: +recountSeconds.toFixed(3),
        totalSeconds: +(Math.min(aggregateSeconds, inThreadSeconds) + partialSeconds + recountSeconds).toFixed(2),
        targetSeconds: 20,
        counts,
        correct: true,
      },
    },
    null,
    2,
  ),
)
