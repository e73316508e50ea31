import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { toBase64Url } from '@tabularium/core'
import { signBytes } from '@tabularium/core/node'
import type { Ledger, NodeKeys } from '@tabularium/ledger'
import { createSandboxNetwork, proposalIdOf, type SandboxMember } from '@tabularium/module-governance'
import { type Genesis, type SignedTransaction, transactionSigningInput } from '@tabularium/protocol'
import { pino } from 'pino'
import { loadConfig } from '../config/loadConfig.js'
import { type RunningNode, startNode } from '../startNode.js'

/** A node of a test network and the JSON lines it logged. */
export interface TestMemberNode {
  node: RunningNode
  lines: { level: number; msg: string; [key: string]: unknown }[]
}

/**
 * A test network of two founding members (A, B; every change needs both)
 * and a third organisation C that governance can admit: C's keys are made
 * with the others' but C is not in the genesis file. Data directories live
 * in one temporary directory.
 *
 * @example const net = createJoiningNetwork({ network: 'join-log' }); const a = await net.start(0, { etcd })
 */
export function createJoiningNetwork({ network }: { network: string }) {
  const sandbox = createSandboxNetwork({
    network,
    organisations: ['Org A', 'Org B', 'Org C'],
    now: Date.now() - 60_000,
  })
  const genesis: Genesis = {
    ...sandbox.genesis,
    members: sandbox.genesis.members.slice(0, 2),
    governanceThreshold: 2,
    witnessQuorum: 2,
  }
  const root = mkdtempSync(join(tmpdir(), 'tabularium-join-'))
  const members = sandbox.members as [SandboxMember, SandboxMember, SandboxMember]
  const dataDir = (name: string, keys: NodeKeys) => {
    const dir = join(root, name)
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, 'genesis.json'), JSON.stringify(genesis, null, 2))
    writeFileSync(join(dir, 'node-keys.json'), JSON.stringify(keys, null, 2))
    return dir
  }
  return {
    genesis,
    members,
    root,
    dataDir,
    /** The addMember change admitting C, as in C's genesis entry of the full sandbox. */
    admitC: { kind: 'addMember', member: sandbox.genesis.members[2] },
    sign: (member: SandboxMember, module: string, action: string, args: Record<string, unknown>) =>
      signAs(genesis.network, member, module, action, args),
    stamp: (member: SandboxMember) =>
      signAs(genesis.network, member, 'notary', 'stamp', { hash: randomBytes(32).toString('hex') }),
    remove: () => rmSync(root, { recursive: true, force: true }),
  }
}

/** Starts a node on `dir` (the etcd orderer with `etcdEndpoints`, else embedded), logging JSON lines into memory. */
export async function startMemberNode(p: {
  dir: string
  etcdEndpoints?: readonly string[]
  joinFrom?: string
}): Promise<TestMemberNode> {
  const lines: TestMemberNode['lines'] = []
  const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) })
  const argv = ['--data-dir', p.dir, '--port', '0']
  if (p.etcdEndpoints !== undefined) argv.push('--orderer', 'etcd', '--etcd-endpoints', p.etcdEndpoints.join(','))
  if (p.joinFrom !== undefined) argv.push('--join-from', p.joinFrom)
  const config = loadConfig({ env: {}, argv })
  const node = await startNode({ config, logger, print: () => {}, handleSignals: false })
  return { node, lines }
}

/** Submits and asserts every transaction was ordered; returns the last index. */
export async function submitAll(ledger: Ledger, txs: SignedTransaction[]): Promise<number> {
  const results = await ledger.submit(txs)
  let last = -1
  for (const r of results) {
    if (!r.ok) throw new Error(`refused: ${JSON.stringify(r)}`)
    last = Math.max(last, r.index)
  }
  return last
}

/** An addMember (or any) proposal by one member, approved by another; resolves with the approval's index once executed. */
export async function proposeAndApprove(p: {
  net: ReturnType<typeof createJoiningNetwork>
  proposer: { ledger: Ledger; member: SandboxMember }
  approver: { ledger: Ledger; member: SandboxMember }
  change: Record<string, unknown>
}): Promise<number> {
  const [proposed] = await p.proposer.ledger.submit([p.net.sign(p.proposer.member, 'governance', 'propose', p.change)])
  if (!proposed?.ok) throw new Error(`propose refused: ${JSON.stringify(proposed)}`)
  await waitForSize([p.approver.ledger], proposed.index + 1)
  const id = proposalIdOf(proposed.txid)
  const [approved] = await p.approver.ledger.submit([p.net.sign(p.approver.member, 'governance', 'approve', { id })])
  if (!approved?.ok || approved.outcome.status !== 'accepted') throw new Error(`approve: ${JSON.stringify(approved)}`)
  return approved.index
}

/** Waits until every ledger holds at least `size` entries. */
export async function waitForSize(ledgers: Ledger[], size: number, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (ledgers.some((l) => l.checkpoint().treeSize < size)) {
    if (Date.now() > deadline) {
      throw new Error(`sizes ${ledgers.map((l) => l.checkpoint().treeSize).join(', ')} never reached ${size}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

/** The files of a directory, sorted (to show nothing was installed). */
export const filesIn = (dir: string): string[] => readdirSync(dir).sort()

function signAs(
  network: string,
  member: SandboxMember,
  module: string,
  action: string,
  args: Record<string, unknown>,
): SignedTransaction {
  const tx = {
    v: 1 as const,
    network,
    module,
    action,
    args,
    signer: member.did,
    nonce: randomBytes(12).toString('hex'),
    expires: new Date(Date.now() + 3_600_000).toISOString(),
  }
  return { tx, sig: toBase64Url(signBytes({ privateJwk: member.privateJwk, data: transactionSigningInput(tx) })) }
}
