import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fromBase64Url, toBase64Url } from '@tabularium/core'
import { VaultError } from '../errors.js'

/** The master key's file in a node's data directory. */
export const MASTER_KEY_FILE = 'vault-master.key'

/**
 * Reads the node's vault master key (32 bytes, base64url, in
 * `<dir>/vault-master.key`), creating it (mode 0600) on first use. It wraps
 * the subjects' keys; keep it out of the vault's backups.
 *
 * @example const masterKey = loadMasterKey({ dir: '.tabularium/node' })
 */
export function loadMasterKey({ dir, create = true }: { dir: string; create?: boolean }): Uint8Array {
  const file = join(dir, MASTER_KEY_FILE)
  if (!existsSync(file)) {
    if (!create) throw new VaultError('INVALID_KEY', 'the vault master key is missing', { details: { file } })
    writeFileSync(file, `${toBase64Url(randomBytes(32))}\n`, { mode: 0o600, flag: 'wx' })
  }
  const key = fromBase64Url(readFileSync(file, 'utf8').trim())
  if (key.length !== 32)
    throw new VaultError('INVALID_KEY', 'the vault master key is not 32 bytes', { details: { file } })
  return key
}
