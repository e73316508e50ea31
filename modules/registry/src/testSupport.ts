import { type Algorithm, didKeyFromJwk, type PrivateJwk, type PublicJwk } from '@tabularium/core'
import { generateKeyPair, signBytes } from '@tabularium/core/node'
import type { Signer } from '@tabularium/identity'
import { createTestNetwork } from '@tabularium/module-governance/testing'
import { ROLES } from './keys.js'
import { registry } from './registry.js'

// Helpers shared by this package's tests (not exported from the package).

/** A key pair with its did:key (a transaction signer) and a JWS signer. */
export interface TestKey {
  did: string
  publicJwk: PublicJwk
  privateJwk: PrivateJwk
  sign: Signer
}

/** A fresh key. @example const key = newKey('ES256') */
export function newKey(algorithm: Algorithm = 'ES256'): TestKey {
  const { publicJwk, privateJwk } = generateKeyPair({ algorithm })
  return { did: didKeyFromJwk(publicJwk), publicJwk, privateJwk, sign: (data) => signBytes({ privateJwk, data }) }
}

/**
 * A memory-ledger network with the registry, and three custody keys: `root`
 * holds registry:root, `canton` registry:tao, `city` registry:issuer; all may
 * register DIDs.
 */
export function registryNetwork() {
  const root = newKey()
  const canton = newKey()
  const city = newKey()
  const all = [root.did, canton.did, city.did]
  const { ledger } = createTestNetwork({
    modules: [registry],
    genesis: {
      roles: {
        [ROLES.registrant]: all,
        [ROLES.root]: [root.did],
        [ROLES.tao]: [canton.did],
        [ROLES.issuer]: [city.did],
      },
    },
  })
  const run = (signer: TestKey | string, action: string, args: unknown, time?: string) =>
    ledger.run({
      module: 'registry',
      action,
      signer: typeof signer === 'string' ? signer : signer.did,
      args,
      ...(time === undefined ? {} : { time }),
    })
  const code = (r: { ok: boolean; code?: string }) => (r.ok ? 'ok' : r.code)
  // biome-ignore lint/suspicious/noExplicitAny: tests read query results loosely
  const query = (name: string, params: Record<string, unknown>) => ledger.query('registry', name, params) as any
  /** Registers `did` controlled by `key`, with that key as `key-1`. */
  const register = (key: TestKey, did: string) =>
    run(key, 'registerDid', {
      did,
      methods: [{ id: 'key-1', publicKeyJwk: key.publicJwk, relationships: ['authentication', 'assertionMethod'] }],
    })
  return { ledger, root, canton, city, run, code, query, register }
}
