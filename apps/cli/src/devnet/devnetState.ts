import { readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { CliError } from '../cliError.js'
import { exists, formatJson } from '../lib/files.js'

/** The state file of a devnet directory: what runs where. */
export const DEVNET_STATE_FILE = 'devnet.json'

/** An etcd member of the devnet. */
export interface DevnetEtcdMember {
  name: string
  clientPort: number
  peerPort: number
  /** The running process, or null when stopped. */
  pid: number | null
}

/** A member organisation's node. */
export interface DevnetNode {
  /** The member id in the genesis, e.g. `organisation-1`. */
  id: string
  port: number
  /** The etcd client URLs it uses, its own organisation's member first. */
  etcdEndpoints: string[]
  pid: number | null
}

/** `devnet.json`: ports are chosen once, so `up` after `down` serves the same URLs. */
export interface DevnetState {
  v: 1
  network: string
  /** The etcd cluster token (unique per devnet). */
  token: string
  etcd: DevnetEtcdMember[]
  nodes: DevnetNode[]
}

/**
 * The files of a devnet directory. Everything is under `dir`: `--purge`
 * removes it whole.
 *
 * @example devnetPaths('/tmp/devnet').nodeDir('organisation-1')
 */
export function devnetPaths(dir: string) {
  return {
    dir,
    state: join(dir, DEVNET_STATE_FILE),
    genesis: join(dir, 'genesis.json'),
    keys: join(dir, 'keys'),
    key: (id: string) => join(dir, 'keys', `${id}.jwk.json`),
    etcdDir: (name: string) => join(dir, 'etcd', name),
    nodeDir: (id: string) => join(dir, 'nodes', id),
    log: (name: string) => join(dir, 'logs', `${name}.log`),
  }
}

/** Reads `devnet.json`, or undefined when the directory holds no devnet. */
export async function readDevnetState(dir: string): Promise<DevnetState | undefined> {
  const path = devnetPaths(dir).state
  if (!(await exists(path))) return undefined
  try {
    return JSON.parse(await readFile(path, 'utf8')) as DevnetState
  } catch (cause) {
    throw new CliError('INVALID_FILE', `${path} is not a devnet state file`, { cause })
  }
}

/** Writes `devnet.json` atomically (a crash never leaves half a file). */
export async function writeDevnetState(dir: string, state: DevnetState): Promise<void> {
  const path = devnetPaths(dir).state
  await writeFile(`${path}.tmp`, formatJson(state))
  await rename(`${path}.tmp`, path)
}

/** The URL a devnet node serves, on loopback. */
export function nodeUrl(node: DevnetNode): string {
  return `http://127.0.0.1:${node.port}`
}

/** The client URL of an etcd member. */
export function etcdUrl(member: DevnetEtcdMember): string {
  return `http://127.0.0.1:${member.clientPort}`
}
