import { randomBytes } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { toBase64Url } from '@tabularium/core'
import { generateKeyPair, signBytes } from '@tabularium/core/node'
import { createLedger, type Ledger, type ModuleDefinition } from '@tabularium/ledger'
import { governance, type SandboxMember } from '@tabularium/module-governance'
import { notary } from '@tabularium/module-notary'
import { registry } from '@tabularium/module-registry'
import { type Genesis, type SignedTransaction, transactionSigningInput } from '@tabularium/protocol'
import { vaultModule } from '@tabularium/vault'
import { pino } from 'pino'
import { loadConfig } from '../config/loadConfig.js'
import { createApp } from '../createApp.js'
import { bootstrapIssuer } from '../identity/bootstrapIssuer.js'
import { type NodeIssuer, nodeIssuerOf } from '../identity/nodeIssuer.js'
import { startNode } from '../startNode.js'
import { createTestNetwork } from './createTestNetwork.js'
import type { Fetch } from './createTestNode.js'

/** A node that issues: its ledger has the registry, and its issuer is registered, accredited and has a revocation list. */
export interface IdentityTestNode {
  fetch: Fetch
  url: string
  ledger: Ledger
  genesis: Genesis
  issuer: NodeIssuer
  member: SandboxMember
  /** The ledger file and its modules, for auditLedger. */
  audit: { path: string; modules: ModuleDefinition[] }
  /** Signs an `oid4vci` command as member 0 (role `member`). */
  command(action: string, args: Record<string, unknown>): SignedTransaction
  close(): Promise<void>
}

const silent = pino({ level: 'silent' })

// The issuer key of "Test City" (P-256) with the registry roles a sandbox issuer needs.
function identityGenesis(): { net: ReturnType<typeof createTestNetwork>; genesis: Genesis; issuer: NodeIssuer } {
  const net = createTestNetwork()
  const issuer = nodeIssuerOf({
    did: 'did:tab:test-city',
    kid: 'did:tab:test-city#key-1',
    privateJwk: generateKeyPair({ algorithm: 'ES256' }).privateJwk,
  })
  const roles = ['registry:registrant', 'registry:root', 'registry:issuer', 'vault:reader']
  const genesis: Genesis = {
    ...net.genesis,
    roles: { ...net.genesis.roles, ...Object.fromEntries(roles.map((r) => [r, [issuer.signerDid]])) },
  }
  return { net, genesis, issuer }
}

function commandSigner(genesis: Genesis, member: SandboxMember) {
  return (action: string, args: Record<string, unknown>): SignedTransaction => {
    const tx = {
      v: 1 as const,
      network: genesis.network,
      module: 'oid4vci',
      action,
      args,
      signer: member.did,
      nonce: toBase64Url(randomBytes(12)),
      expires: new Date(Date.now() + 5 * 60_000).toISOString(),
    }
    return { tx, sig: toBase64Url(signBytes({ privateJwk: member.privateJwk, data: transactionSigningInput(tx) })) }
  }
}

/**
 * An issuing node served over HTTP on 127.0.0.1 by `startNode`, from a data
 * directory with `issuer-key.json`, bootstrapped with `bootstrapIssuer`.
 *
 * @example const node = await createIdentityHttpNode(); await fetch(`${node.url}/.well-known/openid-credential-issuer`)
 */
export async function createIdentityHttpNode(): Promise<IdentityTestNode> {
  const dir = await mkdtemp(join(tmpdir(), 'tabularium-identity-'))
  const { net, genesis, issuer } = identityGenesis()
  const member = net.members[0] as SandboxMember
  await writeFile(join(dir, 'genesis.json'), JSON.stringify(genesis))
  await writeFile(join(dir, 'node-keys.json'), JSON.stringify(member.nodeKeys))
  await writeFile(
    join(dir, 'issuer-key.json'),
    JSON.stringify({ did: issuer.did, kid: issuer.kid, privateJwk: issuer.privateJwk }),
    { mode: 0o600 },
  )
  const config = loadConfig({ env: {}, argv: ['--data-dir', dir, '--port', '0', '--log-level', 'silent'] })
  const node = await startNode({ config, logger: silent, print: () => undefined, handleSignals: false })
  await bootstrapIssuer({ ledger: node.ledger, issuer })
  return {
    url: node.url,
    fetch: (path, init) => fetch(`${node.url}${path}`, init),
    ledger: node.ledger,
    genesis,
    issuer,
    member,
    audit: { path: join(dir, 'ledger.sqlite'), modules: [...node.ledger.modules.values()] },
    command: commandSigner(genesis, member),
    async close() {
      await node.stop()
      await rm(dir, { recursive: true, force: true })
    },
  }
}

/**
 * The same node in-process (`app.request()`), with public URL `http://node.test`.
 *
 * @example const node = await createIdentityInProcessNode()
 */
export async function createIdentityInProcessNode(): Promise<IdentityTestNode> {
  const dir = await mkdtemp(join(tmpdir(), 'tabularium-identity-'))
  const { net, genesis, issuer } = identityGenesis()
  const member = net.members[0] as SandboxMember
  const modules = [governance, notary, registry, vaultModule]
  const path = join(dir, 'ledger.sqlite')
  const ledger = await createLedger({
    genesis,
    keys: member.nodeKeys,
    modules,
    path,
    logger: silent,
    verifierThreads: 0,
  })
  await bootstrapIssuer({ ledger, issuer })
  const url = 'http://node.test'
  const app = createApp({
    ledger,
    config: loadConfig({ env: {}, argv: [] }),
    logger: silent,
    identity: { issuer, publicUrl: url },
  })
  return {
    url,
    fetch: async (path, init) => app.request(`${url}${path}`, init),
    ledger,
    genesis,
    issuer,
    member,
    audit: { path, modules },
    command: commandSigner(genesis, member),
    async close() {
      await ledger.close()
      await rm(dir, { recursive: true, force: true })
    },
  }
}
