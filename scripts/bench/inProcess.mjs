import { createLedger } from '@tabularium/ledger'
import { hashLeaf, verifyInclusion } from '@tabularium/log'
import { governance } from '@tabularium/module-governance'
import { notary } from '@tabularium/module-notary'
import { log, percentile } from './machine.mjs'
import { createBenchSandbox } from './sandbox.mjs'
import { signStamps } from './signing.mjs'

/** A ledger logger that keeps the benchmark's stderr readable. */
export const quietLogger = { error: (d, m) => log(`ledger error: ${m}`), warn: () => {} }

/** Opens a ledger on a fresh sandbox, with pre-signed stamps to feed it. */
export async function openBenchLedger(options = {}) {
  const sandbox = await createBenchSandbox()
  const ledger = await createLedger({
    genesis: sandbox.genesis,
    keys: sandbox.keys,
    modules: [governance, notary],
    path: sandbox.ledgerPath,
    logger: quietLogger,
    ...options,
  })
  return { sandbox, ledger }
}

/**
 * Submits `transactions` in batches with `window` batches in flight and
 * resolves when every one is durably committed (SQLite synchronous=FULL).
 */
export async function submitAll({ ledger, transactions, batchSize = 1000, window = 8, receipts = false }) {
  let next = 0
  const worker = async () => {
    while (next < transactions.length) {
      const batch = transactions.slice(next, next + batchSize)
      next += batchSize
      const results = await ledger.submit(batch, { receipts })
      const refused = results.find((r) => !r.ok)
      if (refused) throw new Error(`refused: ${JSON.stringify(refused.error)}`)
    }
  }
  await Promise.all(Array.from({ length: window }, worker))
}

/** Committed notary stamps per second through the ledger API, no HTTP. */
export async function measureInProcessThroughput({ ledger, signer, count }) {
  const transactions = await signStamps({ ...signer, count: count + 2000 })
  await submitAll({ ledger, transactions: transactions.slice(0, 2000) }) // warm-up: JIT, caches, workers
  const started = performance.now()
  await submitAll({ ledger, transactions: transactions.slice(2000) })
  return count / ((performance.now() - started) / 1000)
}

/**
 * Open-loop latency: transactions are submitted one by one on a timer at
 * `rate` per second whatever the ledger does, and each latency runs from its
 * *scheduled* time to its durable commit (no coordinated omission).
 */
export async function measureCommitLatency({ ledger, signer, rate = 2000, seconds }) {
  const total = Math.round(rate * seconds)
  const transactions = await signStamps({ ...signer, count: total })
  const latencies = []
  const pending = []
  const start = performance.now() + 10
  await new Promise((resolve) => {
    let sent = 0
    const tick = () => {
      const due = Math.min(total, Math.floor(((performance.now() - start) * rate) / 1000))
      for (; sent < due; sent++) {
        const scheduled = start + (sent * 1000) / rate
        pending.push(
          ledger.submit([transactions[sent]]).then(([r]) => {
            if (!r.ok) throw new Error(`refused: ${r.error.code}`)
            latencies.push(performance.now() - scheduled)
          }),
        )
      }
      if (sent < total) setTimeout(tick, 1)
      else resolve()
    }
    setTimeout(tick, 10)
  })
  await Promise.all(pending)
  latencies.sort((a, b) => a - b)
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), count: latencies.length }
}

/** Inclusion proofs generated from the SQLite tree, then verified, per second. */
export function measureProofs({ ledger, ms }) {
  const { treeSize, rootHash } = ledger.checkpoint()
  const indices = Array.from({ length: 4096 }, () => Math.floor(Math.random() * treeSize))
  let generated = 0
  const proofs = []
  const deadline = performance.now() + ms
  const started = performance.now()
  while (performance.now() < deadline) {
    const index = indices[generated % indices.length]
    const proof = ledger.inclusionProof(index, treeSize)
    if (proofs.length < indices.length) proofs.push({ index, proof, leafHash: hashLeaf(ledger.entry(index).leaf) })
    generated++
  }
  const generation = generated / ((performance.now() - started) / 1000)
  let verified = 0
  const vStart = performance.now()
  const vDeadline = vStart + ms
  while (performance.now() < vDeadline) {
    const p = proofs[verified % proofs.length]
    verifyInclusion({ leafHash: p.leafHash, index: p.index, treeSize, proof: p.proof, rootHash })
    verified++
  }
  return { generation, verification: verified / ((performance.now() - vStart) / 1000), treeSize }
}
