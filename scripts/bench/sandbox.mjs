import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { readDataDir } from '@tabularium/node'
import { createSandbox } from '../../apps/cli/dist/lib/createSandbox.js'
import { loadPrivateKey } from '../../apps/cli/dist/lib/loadPrivateKey.js'

/**
 * A fresh one-organisation sandbox data directory (as `tabularium init`
 * writes it), with what a benchmark needs to sign and to open the ledger.
 *
 * @example const { dir, genesis, keys, signer } = await createBenchSandbox()
 */
export async function createBenchSandbox({
  dir = join(mkdtempSync(join(tmpdir(), 'tabularium-bench-')), 'sandbox'),
} = {}) {
  const sandbox = await createSandbox({ dir })
  return openBenchSandbox({ dir, keyPath: sandbox.members[0].key })
}

/** Reads an existing sandbox directory. */
export async function openBenchSandbox({ dir, keyPath = join(dir, 'keys', 'organisation-1.jwk.json') }) {
  const { genesis, keys, ledgerPath } = readDataDir({ dir })
  const { privateJwk, did } = await loadPrivateKey({ path: keyPath })
  return { dir, genesis, keys, ledgerPath, signer: { privateJwk, did, network: genesis.network } }
}

/** Removes a sandbox made by `createBenchSandbox` in the temporary directory (its ledger can be large). */
export function removeBenchSandbox({ dir }) {
  if (dirname(dir).startsWith(tmpdir())) rmSync(dirname(dir), { recursive: true, force: true })
}
