import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createLedger } from '@tabularium/ledger'
import { governance } from '@tabularium/module-governance'
import { notary } from '@tabularium/module-notary'
import { quietLogger, submitAll } from './inProcess.mjs'
import { log, percentile } from './machine.mjs'
import { spawnNode } from './nodeProcess.mjs'
import { createBenchSandbox, openBenchSandbox } from './sandbox.mjs'
import { signStamps } from './signing.mjs'

const CHUNK = 50_000

/**
 * A ledger of `entries` real notary stamps under `dir`, built once and
 * reused by later runs (its `complete.json` marks it finished). It is built
 * through the ledger itself, with large blocks, so every entry is signed,
 * verified, executed and checkpointed like any other.
 */
export async function ensureBigLedger({ dir, entries }) {
  const marker = join(dir, 'complete.json')
  if (existsSync(marker) && JSON.parse(readFileSync(marker, 'utf8')).entries === entries) {
    log(`reusing the ${entries}-entry ledger in ${dir}`)
    return
  }
  rmSync(dir, { recursive: true, force: true })
  const sandbox = await createBenchSandbox({ dir })
  const ledger = await createLedger({
    genesis: sandbox.genesis,
    keys: sandbox.keys,
    modules: [governance, notary],
    path: sandbox.ledgerPath,
    logger: quietLogger,
    maxBlockSize: 10_000,
    blockIntervalMs: 20,
  })
  const started = performance.now()
  try {
    for (let done = 0; done < entries; done += CHUNK) {
      const transactions = await signStamps({ ...sandbox.signer, count: Math.min(CHUNK, entries - done) })
      await submitAll({ ledger, transactions, batchSize: 1000, window: 20 })
      log(
        `built ${done + transactions.length} of ${entries} entries (${Math.round((performance.now() - started) / 1000)} s)`,
      )
    }
  } finally {
    await ledger.close()
  }
  writeFileSync(marker, `${JSON.stringify({ entries, builtInMs: Math.round(performance.now() - started) })}\n`)
}

/**
 * Milliseconds from starting `tabularium node start` on the big ledger until
 * it answers GET /v1/checkpoint with the full tree: process start, module
 * loading, opening SQLite, rebuilding what the node keeps in memory.
 * The median of `runs` restarts.
 */
export async function measureRestart({ dir, entries, runs = 3 }) {
  await openBenchSandbox({ dir }) // checks the directory is whole
  const times = []
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    const node = await spawnNode({ dir })
    try {
      const checkpoint = await (await fetch(`${node.url}/v1/checkpoint`)).json()
      times.push(performance.now() - started)
      if (checkpoint.treeSize < entries)
        throw new Error(`the node serves ${checkpoint.treeSize} entries, not ${entries}`)
    } finally {
      await node.stop()
    }
  }
  times.sort((a, b) => a - b)
  return percentile(times, 50)
}
