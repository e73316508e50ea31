import { readFile } from 'node:fs/promises'
import { type Genesis, GenesisSchema } from '@tabularium/protocol'
import { type VerifiedReceipt, verifyReceiptAgainstGenesis } from '@tabularium/sdk'
import type { Command } from 'commander'
import { CliError, EXIT } from '../cliError.js'
import { type CommandContext, commandAction } from '../lib/commandAction.js'
import { readJsonFile } from '../lib/files.js'
import { hashFile } from '../lib/hashFile.js'
import { describeError } from '../output.js'

interface VerifyOptions {
  genesis: string
  file?: string
  json?: boolean
}

/** One reason a receipt is not valid. */
interface Failure {
  code: string
  message: string
}

/** `tabularium verify RECEIPT --genesis G [--file DOC]`: offline receipt verification. */
export function registerVerify(program: Command): void {
  program
    .command('verify')
    .description('verify a receipt offline against the network genesis; exit 0 valid, 1 invalid')
    .argument('<receipt>', 'receipt JSON file (as `stamp` prints it)')
    .requiredOption('--genesis <file>', "the network's genesis.json (holds the trusted keys)")
    .option('--file <document>', "also check that the stamped hash is this file's SHA-256")
    .option('--json', 'print JSON')
    .action(commandAction<VerifyOptions>(verify))
}

async function verify({ args, opts, out }: CommandContext<VerifyOptions>) {
  const genesis = await loadGenesis(opts.genesis)
  const receipt = await readReceipt(args[0] as string)
  const failures: Failure[] = []
  let verified: VerifiedReceipt | undefined
  if ('failure' in receipt) failures.push(receipt.failure)
  else {
    try {
      verified = verifyReceiptAgainstGenesis({ receipt: receipt.value, genesis })
    } catch (error) {
      failures.push(...failuresOf(error))
    }
  }
  const file = opts.file === undefined ? undefined : await checkFile(opts.file, verified, failures)
  if (failures.length > 0 || verified === undefined) {
    out.result({ valid: false, failures }, () =>
      ['invalid: the receipt does not verify', ...failures.map((f) => `  ${f.code}: ${f.message}`)].join('\n'),
    )
    return EXIT.failed
  }
  out.result(summary(verified, file), () => describe(verified, file))
  return EXIT.ok
}

async function loadGenesis(path: string): Promise<Genesis> {
  const parsed = GenesisSchema.safeParse(await readJsonFile({ path }))
  if (!parsed.success)
    throw new CliError('INVALID_FILE', `${path} is not a valid genesis file`, { cause: parsed.error })
  return parsed.data
}

/** A receipt file that is not JSON is an invalid receipt (exit 1), not a usage error. */
async function readReceipt(path: string): Promise<{ value: unknown } | { failure: Failure }> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (cause) {
    throw new CliError('FILE_NOT_FOUND', `cannot read ${path}`, { cause })
  }
  try {
    return { value: JSON.parse(text) }
  } catch {
    return { failure: { code: 'INVALID_RECEIPT', message: `${path} is not valid JSON` } }
  }
}

/** The failure and every distinct coded cause beneath it, outermost first. */
function failuresOf(error: unknown): Failure[] {
  const failures: Failure[] = []
  for (let e: unknown = error; e !== undefined && failures.length < 5; e = (e as { cause?: unknown }).cause) {
    const { code, message } = describeError(e)
    if (code === 'ERROR' && failures.length > 0) break
    if (!failures.some((f) => f.code === code && f.message === message)) failures.push({ code, message })
    if (!(e instanceof Error)) break
  }
  return failures
}

async function checkFile(path: string, verified: VerifiedReceipt | undefined, failures: Failure[]) {
  const { hash } = await hashFile({ path })
  const stamped = verified?.entry.tx.args.hash
  if (verified === undefined) return { path, hash }
  if (typeof stamped !== 'string') {
    failures.push({ code: 'NOT_A_STAMP', message: "the receipt's entry stamps no document hash" })
  } else if (stamped.toLowerCase() !== hash) {
    failures.push({ code: 'HASH_MISMATCH', message: `${path} hashes to ${hash}, the receipt stamps ${stamped}` })
  }
  return { path, hash, matches: stamped === hash }
}

function summary(v: VerifiedReceipt, file: { path: string; hash: string } | undefined) {
  const { entry } = v
  return {
    valid: true,
    index: v.index,
    treeSize: v.treeSize,
    txid: entry.txid,
    time: entry.time,
    signer: entry.tx.signer,
    module: entry.tx.module,
    action: entry.tx.action,
    outcome: entry.outcome,
    cosigners: v.cosigners,
    ...(file === undefined ? {} : { file: { path: file.path, hash: file.hash, matches: true } }),
  }
}

function describe(v: VerifiedReceipt, file: { path: string } | undefined): string {
  const { entry } = v
  const cosigned = v.cosigners.length > 0 ? `cosigned by ${v.cosigners.join(', ')}` : 'signed by the log'
  const outcome = entry.outcome.status === 'accepted' ? 'accepted' : `rejected (${entry.outcome.code})`
  return [
    `valid: entry ${v.index} in tree of size ${v.treeSize}, ${cosigned}`,
    `  txid:    ${entry.txid}`,
    `  time:    ${entry.time}`,
    `  action:  ${entry.tx.module}.${entry.tx.action} (${outcome})`,
    `  signer:  ${entry.tx.signer}`,
    ...(file === undefined ? [] : [`  file:    ${file.path} matches the stamped hash`]),
  ].join('\n')
}
