import { randomUUID } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createSandboxNetwork } from '@tabularium/module-governance'
import { formatJson, writeSecretFile } from '../lib/files.js'
import { createSandboxIssuer } from '../lib/sandboxIssuer.js'
import { type DevnetState, devnetPaths, writeDevnetState } from './devnetState.js'
import { freePort } from './freePort.js'

/** Parameters of `createDevnet`. */
export interface CreateDevnetParameters {
  dir: string
  /** Member organisations, each with its node and etcd member (default 3). */
  organisations?: number
  network?: string
  now?: Date | number
}

/**
 * Writes a new devnet: one genesis listing every member (governance
 * threshold and witness quorum: a majority), each organisation's key in
 * `keys/`, a data directory per node (`nodes/<id>`: the genesis and that
 * member's node keys; the first member's also holds the sandbox issuer key)
 * and `devnet.json` with free loopback ports for the etcd members and nodes.
 *
 * @example const state = await createDevnet({ dir: 'devnet', organisations: 3 })
 */
export async function createDevnet({
  dir,
  organisations = 3,
  network = 'devnet',
  now = Date.now(),
}: CreateDevnetParameters): Promise<DevnetState> {
  const paths = devnetPaths(dir)
  const created = createSandboxNetwork({ network, organisations, now })
  await mkdir(paths.keys, { recursive: true, mode: 0o700 })
  const first = created.members[0] as (typeof created.members)[number]
  const firstDir = paths.nodeDir(first.id)
  await mkdir(firstDir, { recursive: true, mode: 0o700 })
  const { genesis } = await createSandboxIssuer({
    dir: firstDir,
    genesis: created.genesis,
    name: first.id,
    consoleDid: first.did,
  })
  for (const member of created.members) {
    const nodeDir = paths.nodeDir(member.id)
    await mkdir(nodeDir, { recursive: true, mode: 0o700 })
    await writeSecretFile({ path: paths.key(member.id), data: formatJson(member.privateJwk) })
    await writeSecretFile({ path: join(nodeDir, 'node-keys.json'), data: formatJson(member.nodeKeys) })
    await writeFile(join(nodeDir, 'genesis.json'), formatJson(genesis))
  }
  await writeFile(paths.genesis, formatJson(genesis))
  const ports = await distinctFreePorts(organisations * 3)
  const etcd = []
  for (let i = 0; i < organisations; i++) {
    etcd.push({ name: `m${i}`, clientPort: ports.pop() as number, peerPort: ports.pop() as number, pid: null })
  }
  const endpoints = etcd.map((m) => `http://127.0.0.1:${m.clientPort}`)
  const nodes = []
  for (const [i, member] of created.members.entries()) {
    // Each node talks to its own organisation's etcd member first.
    const etcdEndpoints = [...endpoints.slice(i), ...endpoints.slice(0, i)]
    nodes.push({ id: member.id, port: ports.pop() as number, etcdEndpoints, pid: null })
  }
  const state: DevnetState = { v: 1, network, token: `tabularium-${network}-${randomUUID()}`, etcd, nodes }
  await writeDevnetState(dir, state)
  return state
}

async function distinctFreePorts(count: number): Promise<number[]> {
  const ports = new Set<number>()
  while (ports.size < count) ports.add(await freePort())
  return [...ports]
}
