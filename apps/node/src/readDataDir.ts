import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { NodeKeys } from '@tabularium/ledger'
import { formatIssues, type Genesis, GenesisSchema } from '@tabularium/protocol'
import { z } from 'zod'
import { NodeError } from './errors.js'

const NodeKeysSchema = z.strictObject({
  logKeyName: z.string().min(1),
  logPrivateKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'expected a 32-byte base64url seed'),
  witnessKeyName: z.string().min(1),
  witnessPrivateKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'expected a 32-byte base64url seed'),
})

/** What a data directory holds. */
export interface DataDir {
  genesis: Genesis
  keys: NodeKeys
  /** Path of the SQLite file (created on first start). */
  ledgerPath: string
}

/**
 * Reads and checks a node's data directory: `genesis.json` (the network),
 * `node-keys.json` (this node's log and witness keys) and the path of
 * `ledger.sqlite`. Throws INVALID_DATA_DIR naming the file and every bad field.
 *
 * @example const { genesis, keys, ledgerPath } = readDataDir({ dir: '.tabularium/sandbox' })
 */
export function readDataDir({ dir }: { dir: string }): DataDir {
  return {
    genesis: readJson(join(dir, 'genesis.json'), GenesisSchema),
    keys: readJson(join(dir, 'node-keys.json'), NodeKeysSchema),
    ledgerPath: join(dir, 'ledger.sqlite'),
  }
}

function readJson<T>(file: string, schema: z.ZodType<T>): T {
  let value: unknown
  try {
    value = JSON.parse(readFileSync(file, 'utf8'))
  } catch (cause) {
    throw new NodeError('INVALID_DATA_DIR', `cannot read ${file}`, { cause, details: { file } })
  }
  const result = schema.safeParse(value)
  if (result.success) return result.data
  throw new NodeError('INVALID_DATA_DIR', `${file} is invalid`, {
    details: { file, issues: formatIssues(result.error) },
  })
}
