import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createLedger, type Ledger } from '@tabularium/ledger'
import { governance } from '@tabularium/module-governance'
import { notary } from '@tabularium/module-notary'
import { pino } from 'pino'
import { loadConfig } from '../config/loadConfig.js'
import { createApp } from '../createApp.js'
import { startNode } from '../startNode.js'
import { createTestNetwork, type TestNetwork } from './createTestNetwork.js'

/** How a test reaches the node: in-process or over HTTP, the same signature. */
export type Fetch = (path: string, init?: RequestInit) => Promise<Response>

/** A node under test with a real ledger in a temporary SQLite file. */
export interface TestNode {
  name: string
  net: TestNetwork
  ledger: Ledger
  fetch: Fetch
  /** The base URL when served over HTTP. */
  url?: string
  close(): Promise<void>
}

const silent = pino({ level: 'silent' })

/**
 * A node served in-process: `createApp` over a real ledger, reached with `app.request()`.
 *
 * @example const node = await createInProcessNode(); await node.fetch('/healthz')
 */
export async function createInProcessNode({ heartbeatMs = 60_000 }: { heartbeatMs?: number } = {}): Promise<TestNode> {
  const { net, ledger, close } = await createTestLedger()
  const config = { ...loadConfig({ env: {}, argv: [] }), sseHeartbeatMs: heartbeatMs }
  const app = createApp({ ledger, config, logger: silent })
  return { name: 'in-process', net, ledger, fetch: async (path, init) => app.request(path, init), close }
}

/**
 * A real ledger (governance + notary) in a temporary SQLite file, on a fresh sandbox network.
 *
 * @example const { ledger, net, close } = await createTestLedger()
 */
export async function createTestLedger(): Promise<{ net: TestNetwork; ledger: Ledger; close(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'tabularium-node-'))
  const net = createTestNetwork()
  const keys = net.members[0]?.nodeKeys
  if (keys === undefined) throw new Error('the sandbox has no member')
  const ledger = await createLedger({
    genesis: net.genesis,
    keys,
    modules: [governance, notary],
    path: join(dir, 'ledger.sqlite'),
    logger: silent,
  })
  return {
    net,
    ledger,
    async close() {
      await ledger.close()
      await rm(dir, { recursive: true, force: true })
    },
  }
}

/**
 * A node started with `startNode` from a data directory, listening on an
 * ephemeral port of 127.0.0.1, reached with `fetch`.
 *
 * @example const node = await createHttpNode(); await node.fetch('/healthz')
 */
export async function createHttpNode({ heartbeatMs = 60_000 }: { heartbeatMs?: number } = {}): Promise<TestNode> {
  const dir = await mkdtemp(join(tmpdir(), 'tabularium-node-'))
  const net = createTestNetwork()
  await net.writeDataDir(dir)
  const config = loadConfig({
    env: {},
    argv: ['--data-dir', dir, '--port', '0', '--log-level', 'silent', '--sse-heartbeat-ms', String(heartbeatMs)],
  })
  const node = await startNode({ config, logger: silent, print: () => undefined, handleSignals: false })
  return {
    name: 'http',
    net,
    ledger: node.ledger,
    url: node.url,
    fetch: (path, init) => fetch(`${node.url}${path}`, init),
    async close() {
      await node.stop()
      await rm(dir, { recursive: true, force: true })
    },
  }
}
