import { randomBytes } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { didKeyFromJwk, type PrivateJwk, toBase64Url } from '@tabularium/core'
import { generateKeyPair, signBytes } from '@tabularium/core/node'
import { createSandboxNetwork, type SandboxMember } from '@tabularium/module-governance'
import {
  type Genesis,
  type SignedTransaction,
  type TransactionEnvelope,
  transactionSigningInput,
} from '@tabularium/protocol'

/** What to sign: the envelope's fields, each with a usable default. */
export interface SignParameters {
  module?: string
  action?: string
  args?: Record<string, unknown>
  network?: string
  nonce?: string
  expires?: string
  /** Signing key and its DID; default: the first member's organisation key. */
  privateJwk?: PrivateJwk
  signer?: string
}

/** A sandbox network for tests: genesis, members, and a signer. */
export interface TestNetwork {
  genesis: Genesis
  members: SandboxMember[]
  /** Signs a transaction; by default a notary stamp of a fresh random hash by member 0. */
  sign(p?: SignParameters): SignedTransaction
  /** A key that holds no role on the network. */
  outsider: { privateJwk: PrivateJwk; did: string }
  /** Writes genesis.json and node-keys.json of member 0 to `dir`. */
  writeDataDir(dir: string): Promise<void>
  /** The trust a receipt verifier needs, from the genesis. */
  trust: { origin: string; logKeys: string[]; witnessKeys: string[]; witnessQuorum: number }
}

/** A fresh random document hash for notary stamps. */
export const randomHash = (): string => randomBytes(32).toString('hex')

/**
 * A one-member sandbox network (createSandboxNetwork) with helpers to sign
 * transactions (`signBytes` over `transactionSigningInput`) and to lay out a
 * node's data directory.
 *
 * @example const net = createTestNetwork(); const tx = net.sign({ args: { hash: randomHash() } })
 */
export function createTestNetwork({
  now = Date.now(),
  network,
}: {
  now?: number
  /** The network name (default `sandbox`); it also names the log origin `tabularium.local/<network>`. */
  network?: string
} = {}): TestNetwork {
  const { genesis, members } = createSandboxNetwork({
    organisations: ['Test City'],
    now,
    ...(network === undefined ? {} : { network }),
  })
  const first = members[0] as SandboxMember
  const outsiderKeys = generateKeyPair({ algorithm: 'EdDSA' })
  const sign = (p: SignParameters = {}): SignedTransaction => {
    const tx: TransactionEnvelope = {
      v: 1,
      network: p.network ?? genesis.network,
      module: p.module ?? 'notary',
      action: p.action ?? 'stamp',
      args: p.args ?? { hash: randomHash() },
      signer: p.signer ?? first.did,
      nonce: p.nonce ?? randomBytes(12).toString('hex'),
      expires: p.expires ?? new Date(Date.now() + 60 * 60 * 1000).toISOString(),
    }
    const signature = signBytes({ privateJwk: p.privateJwk ?? first.privateJwk, data: transactionSigningInput(tx) })
    return { tx, sig: toBase64Url(signature) }
  }
  return {
    genesis,
    members,
    sign,
    outsider: { privateJwk: outsiderKeys.privateJwk, did: didKeyFromJwk(outsiderKeys.publicJwk) },
    async writeDataDir(dir) {
      await mkdir(dir, { recursive: true })
      await writeFile(join(dir, 'genesis.json'), JSON.stringify(genesis, null, 2))
      await writeFile(join(dir, 'node-keys.json'), JSON.stringify(first.nodeKeys, null, 2))
    },
    trust: {
      origin: genesis.origin,
      logKeys: genesis.members.map((m) => m.logKey),
      witnessKeys: genesis.members.map((m) => m.witnessKey),
      witnessQuorum: genesis.witnessQuorum,
    },
  }
}
