import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { type ServerType, serve } from '@hono/node-server'
import { createLedger, etcdOrderer, type Ledger } from '@tabularium/ledger'
import type { Vault } from '@tabularium/vault'
import { type Logger, pino } from 'pino'
import { BALLOT_KEYS_DIR, createTokenKeyStore } from './ballots/tokenKeyStore.js'
import type { NodeConfig } from './config/nodeConfigSchema.js'
import { createApp } from './createApp.js'
import { readIssuerKey } from './identity/nodeIssuer.js'
import { joinIfNew } from './joining/joinFromSnapshot.js'
import { NODE_MODULES } from './nodeModules.js'
import { readDataDir } from './readDataDir.js'
import { openDataDirBlobStore } from './routes/fundingRoutes.js'
import { openPseudonymKey } from './routes/voucherApplicationRoutes.js'
import { openNodeVault } from './vault/openNodeVault.js'
import { openWitnessing, type Witnessing } from './witness/openWitnessing.js'

/** Options of `startNode`. */
export interface StartNodeParameters {
  config: NodeConfig
  logger?: Logger
  /** Where the "listening on" line goes; stdout by default. */
  print?: (line: string) => void
  /** Install SIGINT/SIGTERM handlers that stop the node and exit 0 (default true). */
  handleSignals?: boolean
}

/** A running node. */
export interface RunningNode {
  url: string
  ledger: Ledger
  server: ServerType
  /** Stops gracefully: refuse new work, finish in-flight requests, close the ledger. */
  stop(): Promise<void>
}

/**
 * Starts a node from its configuration: reads the data directory, opens the
 * ledger with the governance, notary, registry and vault modules (and the
 * issuer key of `issuer-key.json`, if any), serves the API on
 * `config.host:config.port` (loopback by default), prints the URL, and on
 * SIGINT/SIGTERM shuts down gracefully and exits 0.
 *
 * @example const node = await startNode({ config: loadConfig({ argv: process.argv.slice(2) }) })
 */
export async function startNode({
  config,
  logger = pino({ level: config.logLevel }),
  print = (line) => process.stdout.write(`${line}\n`),
  handleSignals = true,
}: StartNodeParameters): Promise<RunningNode> {
  const { genesis, keys, ledgerPath } = readDataDir({ dir: config.dataDir })
  const etcdEndpoints = config.orderer === 'etcd' ? config.etcdEndpoints?.split(',') : undefined
  await joinIfNew({ joinFrom: config.joinFrom, genesis, ledgerPath, modules: NODE_MODULES, etcdEndpoints, logger })
  const ledger = await createLedger({
    genesis,
    keys,
    modules: NODE_MODULES,
    path: ledgerPath,
    logger: logger.child({ component: 'ledger' }),
    ...(config.blockSize === undefined ? {} : { maxBlockSize: config.blockSize }),
    ...(config.blockIntervalMs === undefined ? {} : { blockIntervalMs: config.blockIntervalMs }),
    ...(config.orderer === 'etcd' ? { orderer: etcdOrdererOf(config, keys.logKeyName) } : {}),
  })
  const shutdown = new AbortController()
  let url: string | undefined
  const identity = { issuer: readIssuerKey({ dir: config.dataDir }), publicUrl: () => url }
  const vault = openNodeVault({ dataDir: config.dataDir, ledger, issuer: identity.issuer })
  const witnessing = openWitnessing({ dataDir: config.dataDir, config: config.witness, keys, ledger, logger })
  const app = createApp({
    vault,
    ledger,
    config,
    logger,
    webRoot: config.webRoot,
    shutdown: shutdown.signal,
    identity,
    funding: { blobs: openDataDirBlobStore(config.dataDir), pseudonymKey: openPseudonymKey(config.dataDir) },
    ballots: { tokenKeys: createTokenKeyStore({ dir: join(config.dataDir, BALLOT_KEYS_DIR) }) },
    witnessing,
    snapshots: { ledgerPath, tempDir: config.dataDir },
  })
  const server = await listen(app.fetch, config)
  const { port } = server.address() as AddressInfo
  url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`
  logger.info({ url, network: genesis.network, dataDir: config.dataDir }, 'node listening')
  print(`Tabularium node for network "${genesis.network}" listening on ${url}`)
  let stopping: Promise<void> | undefined
  const stop = () =>
    (stopping ??= stopNode({
      server,
      ledger,
      vault,
      witnessing,
      shutdown,
      logger,
      timeoutMs: config.shutdownTimeoutMs,
    }))
  if (handleSignals) {
    const onSignal = (signal: string) => {
      logger.info({ signal }, 'shutting down')
      stop().then(
        () => process.exit(0),
        (error) => {
          logger.error({ err: error }, 'shutdown failed')
          process.exit(1)
        },
      )
    }
    process.once('SIGINT', onSignal)
    process.once('SIGTERM', onSignal)
  }
  return { url, ledger, server, stop }
}

function etcdOrdererOf(config: NodeConfig, proposer: string) {
  if (config.etcdEndpoints === undefined) throw new Error('orderer etcd needs etcdEndpoints (--etcd-endpoints)')
  return etcdOrderer({ endpoints: config.etcdEndpoints.split(','), proposer })
}

function listen(fetch: (request: Request) => Response | Promise<Response>, config: NodeConfig): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, hostname: config.host, port: config.port }, () => resolve(server))
    server.once('error', reject)
  })
}

async function stopNode(p: {
  server: ServerType
  ledger: Ledger
  vault: Vault
  witnessing: Witnessing
  shutdown: AbortController
  logger: Logger
  timeoutMs: number
}): Promise<void> {
  // Readiness fails, new submissions get NODE_STOPPED and event streams end.
  p.shutdown.abort()
  const closed = new Promise<void>((resolve) => p.server.close(() => resolve()))
  const idle = p.server as unknown as { closeIdleConnections?: () => void; closeAllConnections?: () => void }
  idle.closeIdleConnections?.()
  const timer = setTimeout(() => idle.closeAllConnections?.(), p.timeoutMs)
  await closed
  clearTimeout(timer)
  // Pushes read the ledger: they stop before it closes.
  await p.witnessing.close()
  await p.ledger.close()
  p.vault.close()
  p.logger.info('node stopped')
}
