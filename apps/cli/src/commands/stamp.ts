import { basename } from 'node:path'
import { BaseError } from '@tabularium/core'
import { signBytes } from '@tabularium/core/node'
import { buildTransaction, createClient, signTransaction } from '@tabularium/sdk'
import type { Command } from 'commander'
import { CliError, EXIT } from '../cliError.js'
import { type CommandContext, commandAction } from '../lib/commandAction.js'
import { hashFile } from '../lib/hashFile.js'
import { loadPrivateKey, resolveKeyPath } from '../lib/loadPrivateKey.js'
import { DEFAULT_DIR, resolveUrl } from '../lib/resolveUrl.js'
import { createProgress } from '../progress.js'

interface StampOptions {
  url?: string
  key?: string
  dir: string
  type?: string
  title?: string
  json?: boolean
}

/** `tabularium stamp FILE`: notarise a document's SHA-256 and print the receipt. */
export function registerStamp(program: Command): void {
  program
    .command('stamp')
    .description("stamp a document's SHA-256 on the ledger (notary); prints the receipt JSON")
    .argument('<file>', 'the document (only its hash leaves this machine)')
    .option('--url <url>', 'node URL (default: the node running on --dir)')
    .option('--key <file>', 'private JWK of the signer (default: the first key in <dir>/keys)')
    .option('--dir <dir>', 'data directory of the sandbox', DEFAULT_DIR)
    .option('--type <type>', 'document type, e.g. permit or minutes')
    .option('--title <title>', 'a short title recorded with the stamp')
    .option('--json', 'print JSON (the receipt)')
    .action(commandAction<StampOptions>(stamp))
}

async function stamp({ args, opts, out }: CommandContext<StampOptions>) {
  const path = args[0] as string
  const progress = createProgress({ enabled: !opts.json })
  progress.start(1, `hashing ${basename(path)}`)
  const { hash } = await hashFile({ path, onProgress: (done, total) => progress.update(done, total) }).finally(() =>
    progress.stop(),
  )
  const key = await loadPrivateKey({ path: await resolveKeyPath({ key: opts.key, dir: opts.dir }) })
  const client = createClient({ baseUrl: await resolveUrl({ url: opts.url, dir: opts.dir }) })
  // The node is the authority on its network's name (the --dir genesis may be another sandbox's).
  const { network, witnessQuorum } = await client.getNetwork()
  const stampArgs = { hash, ...(opts.type ? { docType: opts.type } : {}), ...(opts.title ? { title: opts.title } : {}) }
  const tx = buildTransaction({ network, module: 'notary', action: 'stamp', args: stampArgs, signer: key.did })
  const transaction = await signTransaction({ tx, sign: (data) => signBytes({ privateJwk: key.privateJwk, data }) })
  // With several members a receipt only verifies against the genesis once a quorum cosigned it.
  const result = await client.submit({ transaction, wait: witnessQuorum > 1 ? 'final' : true })
  if (result.receipt === undefined) throw new CliError('NO_NODE', 'the node committed the stamp but sent no receipt')
  if (result.outcome.status === 'rejected') {
    const refusal = new BaseError(result.outcome.code, `the notary refused the stamp: ${result.outcome.message}`)
    out.failure(refusal, { receipt: result.receipt })
    return EXIT.error
  }
  // The receipt exactly as the node gave it, so that it can be saved and verified.
  out.result(result.receipt, () => JSON.stringify(result.receipt, null, 2))
  out.note(`stamped ${path} (sha256 ${hash}) as entry ${result.index}, txid ${result.txid}`)
  return EXIT.ok
}
