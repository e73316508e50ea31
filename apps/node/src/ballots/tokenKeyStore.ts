import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ProtocolError } from '@tabularium/protocol'
import { createTokenIssuer, type TokenPrivateKey, type TokenPublicKey } from '@tabularium/voting'

/** The folder of the data directory that holds the ballots' blind-signing keys. */
export const BALLOT_KEYS_DIR = 'ballot-keys'

/** A ballot's or petition's RFC 9474 key pair, as the token desk keeps it. */
export interface StoredTokenKey {
  process: string
  publicKey: TokenPublicKey
  privateKey: TokenPrivateKey
  createdAt: string
}

/** Where the token desk keeps one RSA key per ballot or petition, off the ledger. */
export interface TokenKeyStore {
  get(process: string): StoredTokenKey | undefined
  /** Makes the key of a process once; a second call answers the same public key. */
  create(process: string): Promise<StoredTokenKey>
}

// Process ids are `[A-Za-z0-9][A-Za-z0-9._-]{0,63}` (the ballots module's
// schema), so they are safe file names; checked again here because the id
// comes from a URL.
const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/

/**
 * The blind-signing keys of the token desk: one RSA key per ballot or
 * petition (RFC 9474 §7.4: one key, one purpose), never on the ledger. With
 * `dir` each key is a file `<dir>/<process>.json` (mode 0600, folder 0700)
 * beside `issuer-key.json`, so it survives restarts; without, in memory.
 *
 * @example const keys = createTokenKeyStore({ dir: join(dataDir, BALLOT_KEYS_DIR) })
 */
export function createTokenKeyStore({ dir }: { dir?: string } = {}): TokenKeyStore {
  const memory = new Map<string, StoredTokenKey>()
  const pending = new Map<string, Promise<StoredTokenKey>>()
  const fileOf = (process: string) => {
    if (!SAFE_ID.test(process)) throw new ProtocolError('INVALID_REQUEST', 'not a ballot or petition id')
    return dir === undefined ? undefined : join(dir, `${process}.json`)
  }
  const get = (process: string): StoredTokenKey | undefined => {
    const hit = memory.get(process)
    if (hit !== undefined) return hit
    const file = fileOf(process)
    if (file === undefined || !existsSync(file)) return undefined
    const stored = JSON.parse(readFileSync(file, 'utf8')) as StoredTokenKey
    memory.set(process, stored)
    return stored
  }
  const make = async (process: string): Promise<StoredTokenKey> => {
    const { publicKey, privateKey } = await createTokenIssuer({ modulusLength: 2048 })
    const stored: StoredTokenKey = { process, publicKey, privateKey, createdAt: new Date().toISOString() }
    const file = fileOf(process)
    if (dir !== undefined && file !== undefined) {
      mkdirSync(dir, { recursive: true, mode: 0o700 })
      writeFileSync(file, JSON.stringify(stored), { mode: 0o600, flag: 'wx' })
    }
    memory.set(process, stored)
    return stored
  }
  return {
    get,
    create(process) {
      const existing = get(process)
      if (existing !== undefined) return Promise.resolve(existing)
      let running = pending.get(process)
      if (running === undefined) {
        running = make(process).finally(() => pending.delete(process))
        pending.set(process, running)
      }
      return running
    },
  }
}
