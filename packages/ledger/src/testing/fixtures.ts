import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { didKeyFromJwk, type PrivateJwk, toBase64Url } from '@tabularium/core'
import { generateKeyPair, signBytes } from '@tabularium/core/node'
import { type Genesis, type SignedTransaction, transactionSigningInput } from '@tabularium/protocol'
import { nodeVerifierKeys } from '../checkpoints/nodeVerifierKeys.js'
import type { NodeKeys } from '../types.js'

/** A signer for tests: its key and did:key. */
export interface TestSigner {
  did: string
  privateJwk: PrivateJwk
}

/** A fresh Ed25519 (default) or P-256 signer. */
export function createSigner({ algorithm = 'EdDSA' }: { algorithm?: 'EdDSA' | 'ES256' } = {}): TestSigner {
  const { privateJwk, publicJwk } = generateKeyPair({ algorithm })
  return { did: didKeyFromJwk(publicJwk), privateJwk }
}

/** Fresh node keys and their C2SP verifier keys. */
export function createNodeKeys(name = 'node-a'): { keys: NodeKeys; logKey: string; witnessKey: string } {
  const log = generateKeyPair({ algorithm: 'EdDSA' }).privateJwk
  const witness = generateKeyPair({ algorithm: 'EdDSA' }).privateJwk
  const keys: NodeKeys = {
    logKeyName: `${name}.log`,
    logPrivateKey: log.d,
    witnessKeyName: `${name}.witness`,
    witnessPrivateKey: witness.d,
  }
  const { logKey, witnessKey } = nodeVerifierKeys(keys)
  return { keys, logKey, witnessKey }
}

/** A one-member genesis whose member holds `memberRoles`. */
export function createGenesis(p: {
  member: TestSigner
  logKey: string
  witnessKey: string
  roles?: Record<string, string[]>
  memberRoles?: string[]
}): Genesis {
  return {
    v: 1,
    network: 'testnet',
    origin: 'tabularium.test/ledger',
    createdAt: '2026-01-01T00:00:00.000Z',
    members: [{ id: 'org-a', name: 'Org A', did: p.member.did, logKey: p.logKey, witnessKey: p.witnessKey }],
    governanceThreshold: 1,
    witnessQuorum: 1,
    roles: p.roles ?? {},
    memberRoles: p.memberRoles ?? ['registrar'],
  }
}

let nonceCounter = 0

/** Signs a transaction; `nonce` and `expires` default to fresh and one hour ahead. */
export function signTransaction(p: {
  signer: TestSigner
  module: string
  action: string
  args: Record<string, unknown>
  network?: string
  nonce?: string
  expires?: string
  now?: number
}): SignedTransaction {
  const tx = {
    v: 1 as const,
    network: p.network ?? 'testnet',
    module: p.module,
    action: p.action,
    args: p.args,
    signer: p.signer.did,
    nonce: p.nonce ?? `n-${process.pid}-${++nonceCounter}-${Math.random().toString(36).slice(2)}`,
    expires: p.expires ?? new Date((p.now ?? Date.now()) + 3_600_000).toISOString(),
  }
  const sig = toBase64Url(signBytes({ privateJwk: p.signer.privateJwk, data: transactionSigningInput(tx) }))
  return { tx, sig }
}

/** A temporary directory, removed by the returned function. */
export function createTempDir(): { dir: string; path(name: string): string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'tabularium-ledger-'))
  return { dir, path: (name) => join(dir, name), remove: () => rmSync(dir, { recursive: true, force: true }) }
}

/** The value, asserting it is there (tests use it where `!` would hide a bug). */
export function defined<T>(value: T | undefined, what = 'a value'): T {
  if (value === undefined) throw new Error(`expected ${what}`)
  return value
}
