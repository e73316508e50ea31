import { createClient } from '@tabularium/sdk'
import type { Command } from 'commander'
import { CliError } from '../cliError.js'
import { type CommandContext, commandAction } from '../lib/commandAction.js'
import { DEFAULT_DIR, resolveUrl } from '../lib/resolveUrl.js'
import { exportEntries } from './recount.js'

interface ReadOptions {
  url?: string
  dir: string
  json?: boolean
}

interface EntriesOptions extends ReadOptions {
  from: string
  limit: string
  export?: string
}

/** `tabularium checkpoint` and `tabularium entries`: read the log of a running node. */
export function registerRead(program: Command): void {
  program
    .command('checkpoint')
    .description("print the node's latest signed checkpoint")
    .option('--url <url>', 'node URL')
    .option('--dir <dir>', 'data directory of a local node (to find its URL)', DEFAULT_DIR)
    .option('--json', 'print JSON')
    .action(commandAction<ReadOptions>(checkpoint))
  program
    .command('entries')
    .description('list log entries')
    .option('--from <index>', 'first index', '0')
    .option('--limit <n>', 'how many (≤ 1000)', '20')
    .option('--export <file>', 'write every entry from --from to the end to FILE (JSON), for `recount --entries`')
    .option('--url <url>', 'node URL')
    .option('--dir <dir>', 'data directory of a local node (to find its URL)', DEFAULT_DIR)
    .option('--json', 'print JSON')
    .action(commandAction<EntriesOptions>(entries))
}

async function checkpoint({ opts, out }: CommandContext<ReadOptions>) {
  const client = createClient({ baseUrl: await resolveUrl({ url: opts.url, dir: opts.dir }) })
  const view = await client.getCheckpoint()
  out.result(view, () =>
    [
      `tree size: ${view.treeSize}`,
      `root hash: ${view.rootHash}`,
      `state:     ${view.stateDigest}`,
      `time:      ${view.time}`,
      '',
      view.note.trimEnd(),
    ].join('\n'),
  )
}

async function entries({ opts, out }: CommandContext<EntriesOptions>) {
  const from = toCount(opts.from, '--from')
  const limit = toCount(opts.limit, '--limit')
  if (opts.export !== undefined) {
    const written = await exportEntries({
      baseUrl: await resolveUrl({ url: opts.url, dir: opts.dir }),
      file: opts.export,
      from,
    })
    out.result(written, () => `wrote ${written.entries} entries (tree size ${written.treeSize}) to ${written.file}`)
    return
  }
  const client = createClient({ baseUrl: await resolveUrl({ url: opts.url, dir: opts.dir }) })
  const page = await client.getEntries({ from, limit })
  out.result(page, () => {
    const lines = page.entries.map(({ index, txid, entry }) => {
      const outcome = entry.outcome.status === 'accepted' ? 'accepted' : `rejected ${entry.outcome.code}`
      return `${index}\t${entry.time}\t${entry.tx.module}.${entry.tx.action}\t${outcome}\t${txid}`
    })
    return [...lines, `(${page.entries.length} of ${page.treeSize} entries)`].join('\n')
  })
}

function toCount(text: string, name: string): number {
  const value = Number(text)
  if (!Number.isSafeInteger(value) || value < 0) throw new CliError('USAGE', `${name} must be a non-negative integer`)
  return value
}
