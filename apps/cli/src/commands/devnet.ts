import { readdir, rm } from 'node:fs/promises'
import { relative, resolve } from 'node:path'
import type { Command } from 'commander'
import { CliError, EXIT } from '../cliError.js'
import { createDevnet } from '../devnet/createDevnet.js'
import { type DevnetState, devnetPaths, etcdUrl, nodeUrl, readDevnetState } from '../devnet/devnetState.js'
import { devnetStatus } from '../devnet/devnetStatus.js'
import { findEtcdBinary, isEtcdRunning } from '../devnet/etcdMembers.js'
import { isNodeRunning } from '../devnet/nodeProcesses.js'
import { startDevnet } from '../devnet/startDevnet.js'
import { stopDevnet } from '../devnet/stopDevnet.js'
import { type CommandContext, commandAction } from '../lib/commandAction.js'
import { exists } from '../lib/files.js'

interface DevnetOptions {
  dir: string
  orgs: string
  purge?: boolean
  json?: boolean
}

const DEFAULT_DEVNET_DIR = 'devnet'

/** `tabularium devnet up|down|status`: a network of member nodes ordering on a local etcd cluster. */
export function registerDevnet(program: Command): void {
  const devnet = program
    .command('devnet')
    .description('a multi-organisation network on this machine: an etcd cluster and one node per member')
  devnet
    .command('up')
    .description('create (first time) and start the etcd members and nodes, detached; wait until all are ready')
    .option('--dir <dir>', 'devnet directory (keys, genesis, data, logs, devnet.json)', DEFAULT_DEVNET_DIR)
    .option('--orgs <n>', 'member organisations, each with a node and an etcd member (first time only)', '3')
    .option('--json', 'print JSON')
    .action(commandAction<DevnetOptions>(up))
  devnet
    .command('down')
    .description('stop every process of the devnet (SIGTERM, then SIGKILL after 15 s)')
    .option('--dir <dir>', 'devnet directory', DEFAULT_DEVNET_DIR)
    .option('--purge', 'also delete the devnet directory (keys, ledgers, logs)')
    .option('--json', 'print JSON')
    .action(commandAction<DevnetOptions>(down))
  devnet
    .command('status')
    .description("each process's health; exit 1 when one is not running or not ready")
    .option('--dir <dir>', 'devnet directory', DEFAULT_DEVNET_DIR)
    .option('--json', 'print JSON')
    .action(commandAction<DevnetOptions>(status))
}

async function up({ opts, out }: CommandContext<DevnetOptions>) {
  const dir = resolve(opts.dir)
  let state = await readDevnetState(dir)
  const created = state === undefined
  if (state === undefined) {
    const organisations = Number(opts.orgs)
    if (!Number.isInteger(organisations) || organisations < 1 || organisations > 7) {
      throw new CliError('USAGE', '--orgs must be an integer from 1 to 7')
    }
    findEtcdBinary() // before writing anything: a missing etcd is the likeliest failure
    if ((await exists(dir)) && (await readdir(dir)).length > 0) {
      throw new CliError('ALREADY_EXISTS', `${opts.dir} exists and holds no devnet.json; choose another --dir`)
    }
    state = await createDevnet({ dir, organisations })
    out.note(`created devnet "${state.network}" in ${opts.dir}: ${organisations} organisations`)
  }
  const running =
    state.etcd.every((_, i) => isEtcdRunning(dir, state, i)) &&
    state.nodes.every((_, i) => isNodeRunning(dir, state, i))
  if (!running) out.note('starting the etcd members and the nodes…')
  const { started } = await startDevnet({ dir, detached: true })
  const summary = summarise(opts.dir, dir, state)
  const already = started.length === 0
  out.result({ ok: true, created, alreadyRunning: already, started, ...summary }, () =>
    [
      already
        ? `devnet already running in ${opts.dir}`
        : `devnet "${state.network}" is up in ${opts.dir} (${started.length} processes started)`,
      ...summary.nodes.map((n) => `  ${n.id.padEnd(16)} ${n.url}  web app and API · log ${n.log}`),
      `  etcd             ${summary.etcd.map((m) => m.url).join(' ')}`,
      `genesis ${summary.genesis} · organisation keys in ${summary.keys}`,
      `try:  tabularium stamp FILE --url ${summary.nodes[0]?.url} --key ${summary.nodes[0]?.key}`,
      `stop: tabularium devnet down --dir ${opts.dir}`,
    ].join('\n'),
  )
}

async function down({ opts, out }: CommandContext<DevnetOptions>) {
  const dir = resolve(opts.dir)
  if ((await readDevnetState(dir)) === undefined) {
    throw new CliError('FILE_NOT_FOUND', `${opts.dir} holds no devnet (no devnet.json)`)
  }
  const stopped = await stopDevnet({ dir })
  if (opts.purge) await rm(dir, { recursive: true, force: true })
  out.result({ ok: true, stopped, purged: opts.purge === true }, () =>
    [
      ...stopped.map((s) => `  ${s.name.padEnd(16)} ${s.outcome === 'not-running' ? 'was not running' : s.outcome}`),
      opts.purge
        ? `devnet stopped; ${opts.dir} deleted`
        : `devnet stopped; \`devnet up --dir ${opts.dir}\` restarts it on the same data`,
    ].join('\n'),
  )
}

async function status({ opts, out }: CommandContext<DevnetOptions>) {
  const result = await devnetStatus({ dir: resolve(opts.dir) })
  if (result === undefined) throw new CliError('FILE_NOT_FOUND', `${opts.dir} holds no devnet (no devnet.json)`)
  const healthy = result.processes.every((p) => p.running && p.healthy)
  out.result({ ok: healthy, processes: result.processes }, () =>
    [
      ...result.processes.map(
        (p) =>
          `  ${p.name.padEnd(16)} ${(p.running ? `pid ${p.pid}` : 'down').padEnd(10)} ${p.url.padEnd(24)} ${p.detail}`,
      ),
      healthy ? 'all processes healthy' : 'not all processes are healthy',
    ].join('\n'),
  )
  return healthy ? EXIT.ok : EXIT.failed
}

function summarise(shown: string, dir: string, state: DevnetState) {
  const paths = devnetPaths(dir)
  const rel = (path: string) => `${shown.replace(/\/+$/, '')}/${relative(dir, path)}`
  return {
    dir: shown,
    network: state.network,
    genesis: rel(paths.genesis),
    keys: rel(paths.keys),
    state: rel(paths.state),
    nodes: state.nodes.map((n) => ({
      id: n.id,
      url: nodeUrl(n),
      pid: n.pid,
      log: rel(paths.log(n.id)),
      key: rel(paths.key(n.id)),
    })),
    etcd: state.etcd.map((m) => ({ name: m.name, url: etcdUrl(m), pid: m.pid })),
  }
}
