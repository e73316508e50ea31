import { signBytes } from '@tabularium/core/node'
import type { SignedTransaction } from '@tabularium/protocol'
import { buildTransaction, createClient, type SubmitResult, signTransaction } from '@tabularium/sdk'
import type { Command } from 'commander'
import { CliError, EXIT } from '../cliError.js'
import { type CommandContext, commandAction } from '../lib/commandAction.js'
import { readGenesisNetwork, readJsonFile } from '../lib/files.js'
import { loadPrivateKey } from '../lib/loadPrivateKey.js'
import { DEFAULT_DIR, resolveUrl } from '../lib/resolveUrl.js'

interface SignOptions {
  key: string
  module: string
  action: string
  args: string
  network?: string
  dir: string
  nonce?: string
  expiresIn: string
  json?: boolean
}

interface SubmitOptions {
  url?: string
  dir: string
  wait: boolean
  json?: boolean
}

/** `tabularium tx sign|submit`: sign a transaction offline; submit signed ones. */
export function registerTx(program: Command): void {
  const tx = program.command('tx').description('sign and submit transactions')
  tx.command('sign')
    .description('build and sign a transaction; prints it as JSON (for `tx submit`)')
    .requiredOption('--key <file>', 'private JWK file of the signer')
    .requiredOption('--module <name>', 'module, e.g. notary')
    .requiredOption('--action <name>', 'action, e.g. stamp')
    .option('--args <json>', 'the action arguments as a JSON object', '{}')
    .option('--network <name>', "network name (default: the --dir genesis's, else sandbox)")
    .option('--dir <dir>', 'data directory holding genesis.json', DEFAULT_DIR)
    .option('--nonce <nonce>', 'nonce (default: 128 random bits)')
    .option('--expires-in <seconds>', 'validity window in seconds', '600')
    .option('--json', 'print JSON (the signed transaction)')
    .action(commandAction<SignOptions>(sign))
  tx.command('submit')
    .description('submit a signed transaction, an array of them, or { transactions: [...] }')
    .argument('<file>', 'JSON file')
    .option('--url <url>', 'node URL')
    .option('--dir <dir>', 'data directory of a local node (to find its URL)', DEFAULT_DIR)
    .option('--no-wait', 'do not wait for the commit (no receipts)')
    .option('--json', 'print JSON')
    .action(commandAction<SubmitOptions>(submit))
}

async function sign({ opts, out }: CommandContext<SignOptions>) {
  const args = parseArgs(opts.args)
  const expiresIn = Number(opts.expiresIn)
  if (!Number.isFinite(expiresIn) || expiresIn <= 0)
    throw new CliError('USAGE', '--expires-in must be a positive number of seconds')
  const key = await loadPrivateKey({ path: opts.key })
  const network = opts.network ?? (await readGenesisNetwork(opts.dir)) ?? 'sandbox'
  const envelope = buildTransaction({
    network,
    module: opts.module,
    action: opts.action,
    args,
    signer: key.did,
    expiresInMs: expiresIn * 1000,
    ...(opts.nonce === undefined ? {} : { nonce: opts.nonce }),
  })
  const signed = await signTransaction({
    tx: envelope,
    sign: (data) => signBytes({ privateJwk: key.privateJwk, data }),
  })
  out.result(signed, () => JSON.stringify(signed, null, 2))
}

function parseArgs(text: string): Record<string, unknown> {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (cause) {
    throw new CliError('USAGE', '--args is not valid JSON', { cause })
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new CliError('USAGE', '--args must be a JSON object')
  return value as Record<string, unknown>
}

async function submit({ args, opts, out }: CommandContext<SubmitOptions>) {
  const transactions = toTransactions(await readJsonFile({ path: args[0] as string }))
  const client = createClient({ baseUrl: await resolveUrl({ url: opts.url, dir: opts.dir }) })
  const { status, results } = await client.submitBatch({ transactions, wait: opts.wait })
  out.result({ status, results }, () => results.map(describeResult).join('\n'))
  return results.every((r) => r.ok) ? EXIT.ok : EXIT.error
}

function toTransactions(value: unknown): SignedTransaction[] {
  if (Array.isArray(value)) return value as SignedTransaction[]
  const batch = (value as { transactions?: unknown } | null)?.transactions
  if (Array.isArray(batch)) return batch as SignedTransaction[]
  if (value !== null && typeof value === 'object' && 'tx' in value) return [value as SignedTransaction]
  throw new CliError('INVALID_FILE', 'expected a signed transaction { tx, sig }, an array, or { transactions: [...] }')
}

function describeResult(result: SubmitResult): string {
  if (!result.ok) return `refused ${result.txid ?? ''} ${result.error.code}: ${result.error.message}`.replace('  ', ' ')
  const outcome = result.outcome.status === 'accepted' ? 'accepted' : `rejected ${result.outcome.code}`
  return `entry ${result.index} ${result.txid} ${outcome}`
}
