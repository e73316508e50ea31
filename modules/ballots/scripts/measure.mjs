#!/usr/bin/env node
// Measures the ballots module on this machine and prints JSON:
//  - ballots cast per second end to end through createLedger (signed
//    transaction, admission, token verification, proof verification, nullifier,
//    encrypted running tally, durable SQLite commit), with the proofs verified
//    inline on the ledger thread, and with them verified beforehand by a pool
//    of worker threads (the ledger then only checks the cache);
//  - the time to tally 1,000,000 ballots of one 4-option question:
//    aggregation (packages/voting aggregatePacked / aggregateParallel),
//    trustees' partial decryptions, verification, combination and decoding.
// Usage: node modules/ballots/scripts/measure.mjs [casts=120] [tally=1000000]
import { constants, createPrivateKey, randomBytes, sign } from 'node:crypto'
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import { aggregatePacked, decryptTally, packBallots, partialDecrypt, tokenNullifier } from '@tabularium/voting'
import { aggregateParallel } from '@tabularium/voting/node'
import { electionOf, prepareBallot, recountFromEntries, rememberVerified } from '../dist/index.js'
import { createIssuer, ephemeralSigner, openBallotsLedger, runCeremony } from '../dist/testing/index.js'

const CASTS = Number(process.argv[2] ?? 120)
const TALLY = Number(process.argv[3] ?? 1_000_000)
const HOUR = 3_600_000
const question = {
  id: 'q1',
  title: 'Q',
  type: 'single',
  options: ['a', 'b', 'c', 'd'].map((id) => ({ id, title: id })),
}

// Tokens: a valid RFC 9474 token is an RSASSA-PSS (SHA-384, salt 48) signature
// on a 64-byte prepared message; signing it directly with OpenSSL gives tokens
// the ledger verifies exactly as blind-signed ones, without the wallet's
// pure-JS blinding (~20/s), which is not on the ledger's path.
function tokensFor(issuer, n) {
  const key = createPrivateKey({ key: issuer.privateKey.jwk, format: 'jwk' })
  return Array.from({ length: n }, () => {
    const message = randomBytes(64)
    const signature = sign('sha384', message, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 48 })
    return { message: message.toString('base64url'), signature: signature.toString('base64url') }
  })
}

async function setUp(id, t, issuer) {
  const args = {
    id,
    title: id,
    questions: [question],
    opens: new Date(t.now() + HOUR).toISOString(),
    closes: new Date(t.now() + 2 * HOUR).toISOString(),
    census: { kind: 'credential', credentialType: 'ResidencyCredential', claims: { resident_of: 'Leuven' } },
    issuerKey: issuer.publicKey,
    trustees: ['leuven', 'gent', 'brugge'],
    threshold: 2,
  }
  const res = await t.send(t.members[0], 'createBallot', args)
  if (res.code !== 'ok') throw new Error(res.code)
  return runCeremony(t, id, 2)
}

function prepare(t, id, tokens) {
  const ballot = t.ledger.query('ballots', 'ballot', { id })
  const start = performance.now()
  const txs = tokens.map((token, i) => {
    const choices = [[0, 0, 0, 0].map((_, k) => (k === i % 4 ? 1 : 0))]
    return t.sign(
      ephemeralSigner(),
      'cast',
      prepareBallot({ ballot, publicKey: ballot.ceremony.publicKey, token, choices }),
    )
  })
  return { ballot, txs, encryptPerSecond: Math.round((tokens.length * 1000) / (performance.now() - start)) }
}

async function submitAll(t, txs) {
  const results = await t.ledger.submit(txs)
  const refused = results.filter((r) => !r.ok || r.outcome.status !== 'accepted')
  if (refused.length > 0) throw new Error(`refused: ${JSON.stringify(refused[0])}`)
}

function startPool(n) {
  const workers = Array.from({ length: n }, () => new Worker(new URL('./verifyWorker.mjs', import.meta.url)))
  let next = 0
  const verify = (statements) =>
    new Promise((resolve) => {
      const worker = workers[next++ % n]
      const id = Math.random()
      const onMessage = (m) => {
        if (m.id !== id) return
        worker.off('message', onMessage)
        resolve(m.ok)
      }
      worker.on('message', onMessage)
      worker.postMessage({ id, statements })
    })
  return { verify, close: () => Promise.all(workers.map((w) => w.terminate())) }
}

async function castThroughput() {
  const t = await openBallotsLedger({ verifierThreads: 1 })
  const issuer = await createIssuer()
  await setUp('inline', t, issuer)
  await setUp('pooled', t, issuer)
  t.advance(HOUR + 1000)
  const inline = prepare(t, 'inline', tokensFor(issuer, CASTS))
  let start = performance.now()
  for (let i = 0; i < inline.txs.length; i += 20) await submitAll(t, inline.txs.slice(i, i + 20))
  const inlineSeconds = (performance.now() - start) / 1000

  const pooled = prepare(t, 'pooled', tokensFor(issuer, CASTS))
  const threads = Math.max(1, availableParallelism())
  const pool = startPool(threads)
  start = performance.now()
  // Pipeline: workers verify batch k+1 while the ledger commits batch k.
  const batches = []
  for (let i = 0; i < pooled.txs.length; i += 20) batches.push(pooled.txs.slice(i, i + 20))
  const statementsOf = (batch) =>
    batch.map((tx) => {
      const { answers, token } = tx.tx.args
      const election = electionOf('pooled', pooled.ballot.questions[0], pooled.ballot.ceremony.publicKey)
      return { election, rule: undefined, answer: answers[0], nullifier: tokenNullifier({ ballotId: 'pooled', token }) }
    })
  const verified = batches.map((batch) => pool.verify(statementsOf(batch).map(({ nullifier, ...s }) => s)))
  for (const [k, batch] of batches.entries()) {
    for (const digest of await verified[k]) rememberVerified(digest)
    await submitAll(t, batch)
  }
  const pooledSeconds = (performance.now() - start) / 1000
  await pool.close()

  const exported = t.ledger.entries({ from: 0, limit: 1000 }).map(({ index, txid, entry }) => ({ index, txid, entry }))
  start = performance.now()
  const recount = recountFromEntries(exported, { ballot: 'inline' })
  const recountSeconds = (performance.now() - start) / 1000
  await t.close()
  return {
    ballots: CASTS,
    question: '1 question, 4 options, single choice (one 0/1 proof per option + sum proof)',
    walletEncryptionsPerSecond: inline.encryptPerSecond,
    inline: { perSecond: round(CASTS / inlineSeconds), seconds: round(inlineSeconds) },
    workerThreads: { threads, perSecond: round(CASTS / pooledSeconds), seconds: round(pooledSeconds) },
    recountFromEntries: { ballotsPerSecond: round(recount.ballots / recountSeconds), notes: recount.problems },
  }
}

async function tally1M() {
  const t = await openBallotsLedger({ verifierThreads: 0 })
  const issuer = await createIssuer()
  const shares = await setUp('million', t, issuer)
  t.advance(HOUR + 1000)
  const { ballot, txs } = prepare(t, 'million', tokensFor(issuer, 101))
  await t.close()
  const election = electionOf('million', ballot.questions[0], ballot.ceremony.publicKey)
  const pool = txs.map((tx) => tx.tx.args.answers[0].ciphertexts)
  // 101 distinct real ballots repeated to a million: the aggregation work is
  // the same per ballot (every point parsed and added) as for distinct ones.
  const bytes = packBallots(
    Array.from({ length: TALLY }, (_, i) => pool[i % pool.length]),
    4,
  )
  let start = performance.now()
  const tally = aggregatePacked({ bytes, options: 4 })
  const aggregateOne = (performance.now() - start) / 1000
  start = performance.now()
  const tally2 = await aggregateParallel({ bytes, options: 4 })
  const aggregateWorkers = (performance.now() - start) / 1000
  if (JSON.stringify(tally) !== JSON.stringify(tally2)) throw new Error('aggregations differ')
  start = performance.now()
  const partials = shares.slice(0, 2).map((share) => partialDecrypt({ election, tally, share }))
  const partialSeconds = (performance.now() - start) / 1000
  start = performance.now()
  const commitments = ballot.ceremony.commitments
  const counts = decryptTally({ election, tally, partials, commitments, maxVotes: TALLY })
  const decryptSeconds = (performance.now() - start) / 1000
  const expected = [0, 1, 2, 3].map(
    (k) => Array.from({ length: TALLY }, (_, i) => (i % pool.length) % 4 === k).filter(Boolean).length,
  )
  if (JSON.stringify(counts) !== JSON.stringify(expected)) throw new Error(`wrong counts ${counts} vs ${expected}`)
  const best = Math.min(aggregateOne, aggregateWorkers)
  return {
    ballots: TALLY,
    aggregateOneThreadSeconds: round(aggregateOne),
    aggregateWorkersSeconds: round(aggregateWorkers),
    partialDecryptionsSeconds: round(partialSeconds),
    verifyCombineDecodeSeconds: round(decryptSeconds),
    totalSeconds: round(best + partialSeconds + decryptSeconds),
    counts,
  }
}

const round = (x) => Math.round(x * 100) / 100
const cast = await castThroughput()
const tally = await tally1M()
console.log(JSON.stringify({ machine: { cores: availableParallelism(), node: process.version }, cast, tally }, null, 2))
