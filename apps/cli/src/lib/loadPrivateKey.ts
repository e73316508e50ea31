import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { assertPublicJwk, didKeyFromJwk, type PrivateJwk, type PublicJwk } from '@tabularium/core'
import { CliError } from '../cliError.js'
import { readJsonFile } from './files.js'

/** A private key loaded from a JWK file, with its public half and `did:key`. */
export interface LoadedKey {
  path: string
  privateJwk: PrivateJwk
  publicJwk: PublicJwk
  did: string
}

/**
 * Loads a private JWK file (as `keys generate` and `init` write them).
 *
 * @example const { did, privateJwk } = await loadPrivateKey({ path: 'keys/org-1.jwk.json' })
 */
export async function loadPrivateKey({ path }: { path: string }): Promise<LoadedKey> {
  const value = (await readJsonFile({ path })) as Record<string, unknown> | null
  let publicJwk: PublicJwk
  try {
    publicJwk = assertPublicJwk(value)
  } catch (cause) {
    throw new CliError('INVALID_FILE', `${path} holds no Ed25519 or P-256 JWK`, { cause })
  }
  if (typeof value?.d !== 'string') throw new CliError('INVALID_FILE', `${path} holds a public key only (no "d")`)
  const privateJwk = { ...publicJwk, d: value.d } as PrivateJwk
  return { path, privateJwk, publicJwk, did: didKeyFromJwk(publicJwk) }
}

/**
 * The key to sign with: `--key`, else the first key in `<dir>/keys/` (the
 * sandbox's first organisation, which `init` writes).
 */
export async function resolveKeyPath({ key, dir }: { key?: string | undefined; dir: string }): Promise<string> {
  if (key !== undefined) return key
  const keysDir = join(dir, 'keys')
  const files = await readdir(keysDir).catch(() => [] as string[])
  const first = files.filter((f) => f.endsWith('.jwk.json')).sort()[0]
  if (first === undefined)
    throw new CliError('USAGE', `no --key given and no key in ${keysDir}; run \`tabularium init\``)
  return join(keysDir, first)
}
