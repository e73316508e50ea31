import { existsSync } from 'node:fs'
import { rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadConfig, startNode } from '@tabularium/node'
import type { Command } from 'commander'
import { pino } from 'pino'
import { type CommandContext, commandAction } from '../lib/commandAction.js'
import { createSandbox } from '../lib/createSandbox.js'
import { exists, formatJson } from '../lib/files.js'
import { DEFAULT_DIR, NODE_INFO_FILE } from '../lib/resolveUrl.js'
import { bootstrapSandboxIssuer } from '../lib/sandboxIssuer.js'
import { describeSandbox } from './init.js'

interface StartOptions {
  dir: string
  port?: string
  host?: string
  init?: boolean
  logLevel?: string
  webRoot?: string
  joinFrom?: string
  json?: boolean
}

// The web app built in this repository (apps/web/dist), served at / unless
// --web-root or TABULARIUM_WEB_ROOT names another build.
const BUNDLED_WEB_ROOT = fileURLToPath(new URL('../../../web/dist', import.meta.url))

/** `tabularium node start`: run a node on a data directory. */
export function registerNode(program: Command): void {
  const node = program.command('node').description('run a node')
  node
    .command('start')
    .description('start a node serving the data directory (127.0.0.1:8080 by default)')
    .option('--dir <dir>', 'data directory (genesis.json, node-keys.json, ledger.sqlite)', DEFAULT_DIR)
    .option('--port <port>', 'port; 0 picks a free one')
    .option('--host <host>', 'address to listen on (default 127.0.0.1)')
    .option('--init', 'create a sandbox in --dir first if it has no genesis.json')
    .option('--web-root <dir>', 'built web app to serve at / (default: apps/web/dist when built)')
    .option('--join-from <url>', "a member's node: with no ledger in --dir yet, start from its verified snapshot")
    .option('--log-level <level>', 'fatal, error, warn, info, debug, trace or silent (logs go to stderr)')
    .option('--json', 'print the listening address as JSON')
    .action(commandAction<StartOptions>(start))
}

async function start({ opts, out }: CommandContext<StartOptions>) {
  if (opts.init && !(await exists(join(opts.dir, 'genesis.json')))) {
    const sandbox = await createSandbox({ dir: opts.dir })
    out.note(describeSandbox(sandbox).split('\nnext:')[0] as string)
  }
  const argv = ['--data-dir', opts.dir]
  const options = [
    ['--port', opts.port],
    ['--host', opts.host],
    ['--log-level', opts.logLevel],
    ['--web-root', opts.webRoot ?? defaultWebRoot()],
    ['--join-from', opts.joinFrom],
  ] as const
  for (const [flag, value] of options) {
    if (value !== undefined) argv.push(flag, value)
  }
  const config = loadConfig({ argv })
  // Logs go to stderr so that stdout carries only the result (and stays JSON with --json).
  const logger = pino({ level: config.logLevel }, pino.destination(2))
  const node = await startNode({ config, logger, print: () => {}, handleSignals: false })
  if (await bootstrapSandboxIssuer({ ledger: node.ledger, dir: opts.dir })) out.note('registered the sandbox issuer')
  const infoPath = join(opts.dir, NODE_INFO_FILE)
  await writeFile(infoPath, formatJson({ url: node.url, pid: process.pid }))
  const network = node.ledger.genesis.network
  out.result(
    { url: node.url, network, dir: opts.dir, pid: process.pid },
    () => `Tabularium node for network "${network}" listening on ${node.url} (Ctrl-C to stop)`,
    { compact: true },
  )
  await waitForSignal()
  out.note('stopping…')
  await node.stop()
  await rm(infoPath, { force: true })
}

function defaultWebRoot(): string | undefined {
  if (process.env.TABULARIUM_WEB_ROOT !== undefined) return undefined
  return existsSync(join(BUNDLED_WEB_ROOT, 'index.html')) ? BUNDLED_WEB_ROOT : undefined
}

/** Resolves on the first SIGINT or SIGTERM; the node then stops gracefully. */
function waitForSignal(): Promise<string> {
  return new Promise((resolve) => {
    const on = (signal: string) => {
      process.off('SIGINT', on)
      process.off('SIGTERM', on)
      resolve(signal)
    }
    process.on('SIGINT', on)
    process.on('SIGTERM', on)
  })
}
