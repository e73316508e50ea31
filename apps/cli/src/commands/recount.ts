import { readFile, writeFile } from 'node:fs/promises'
import { type ExportedEntry, type RecountResult, recountFromEntries } from '@tabularium/module-ballots/client'
import { createClient } from '@tabularium/sdk'
import { nodeEngine } from '@tabularium/voting/node'
import type { Command } from 'commander'
import { CliError, EXIT } from '../cliError.js'
import { type CommandContext, commandAction } from '../lib/commandAction.js'
import { DEFAULT_DIR, resolveUrl } from '../lib/resolveUrl.js'

interface RecountOptions {
  url?: string
  dir: string
  entries?: string
  proofs: boolean
  json?: boolean
}

/** What `tabularium entries --export` writes, and what `recount --entries` reads. */
export interface EntriesExport {
  treeSize: number
  entries: ExportedEntry[]
}

/**
 * Every entry of the log from `from`, page by page (1000 a page), as `/v1/entries` lists them.
 *
 * @example const { entries, treeSize } = await fetchAllEntries({ baseUrl })
 */
export async function fetchAllEntries({
  baseUrl,
  from = 0,
}: {
  baseUrl: string
  from?: number
}): Promise<EntriesExport> {
  const client = createClient({ baseUrl })
  const entries: ExportedEntry[] = []
  let next = from
  let treeSize = Number.POSITIVE_INFINITY
  while (next < treeSize) {
    const page = await client.getEntries({ from: next, limit: 1000 })
    treeSize = page.treeSize
    if (page.entries.length === 0) break
    entries.push(...page.entries)
    next += page.entries.length
  }
  return { treeSize: Number.isFinite(treeSize) ? treeSize : 0, entries }
}

/**
 * Writes an export of the log's entries to a file.
 *
 * @example await exportEntries({ baseUrl, file: 'log.json' })
 */
export async function exportEntries({ baseUrl, file, from = 0 }: { baseUrl: string; file: string; from?: number }) {
  const data = await fetchAllEntries({ baseUrl, from })
  await writeFile(file, JSON.stringify(data))
  return { file, treeSize: data.treeSize, entries: data.entries.length }
}

/** `tabularium recount BALLOT`: recomputes a ballot's result from the log's entries alone. */
export function registerRecount(program: Command): void {
  program
    .command('recount')
    .description(
      "recompute a ballot's result from the log's entries alone; exit 1 unless it equals the published tally",
    )
    .argument('<ballot>', 'ballot id')
    .option('--entries <file>', 'an export of the log (`tabularium entries --export FILE`) instead of a node')
    .option('--no-proofs', 'skip re-verifying the zero-knowledge proofs (faster; tokens and tally still checked)')
    .option('--url <url>', 'node URL')
    .option('--dir <dir>', 'data directory of a local node (to find its URL)', DEFAULT_DIR)
    .option('--json', 'print JSON')
    .action(commandAction<RecountOptions>(recount))
}

async function recount({ args, opts, out }: CommandContext<RecountOptions>): Promise<number> {
  const [ballot] = args
  if (ballot === undefined) throw new CliError('USAGE', 'name the ballot to recount')
  const entries =
    opts.entries !== undefined
      ? await readExport(opts.entries)
      : (await fetchAllEntries({ baseUrl: await resolveUrl({ url: opts.url, dir: opts.dir }) })).entries
  const started = performance.now()
  // OpenSSL's P-256 through the voting addon: ~30x the pure-JS verifier the browser uses.
  const result = recountFromEntries(entries, { ballot, checkProofs: opts.proofs, engine: nodeEngine })
  const seconds = (performance.now() - started) / 1000
  const ok = result.matches && result.problems.length === 0
  out.result({ ok, ...result, seconds }, () => describe(result, ok))
  return ok ? EXIT.ok : EXIT.failed
}

async function readExport(file: string): Promise<ExportedEntry[]> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (cause) {
    throw new CliError('FILE_NOT_FOUND', `cannot read ${file}`, { cause })
  }
  try {
    const parsed = JSON.parse(text) as unknown
    const entries = Array.isArray(parsed) ? parsed : (parsed as { entries?: unknown }).entries
    if (!Array.isArray(entries)) throw new Error('no entries array')
    return entries as ExportedEntry[]
  } catch (cause) {
    throw new CliError('INVALID_FILE', `${file} is not an export of entries (tabularium entries --export)`, { cause })
  }
}

function describe(r: RecountResult, ok: boolean): string {
  const lines = [
    `ballot ${r.ballot}: ${r.ballots} ballots counted (${r.replaced} replaced), ${r.tokensIssued} tokens issued`,
  ]
  for (const [i, counts] of (r.counts ?? []).entries()) lines.push(`  question ${i + 1}: ${counts.join(' ')}`)
  if (r.counts === null) lines.push('  no counts: the tally cannot be decrypted from the log (yet)')
  lines.push(
    r.published === null
      ? '  no tally published yet'
      : `  published:  ${r.published.map((c) => c.join(' ')).join(' | ')}`,
  )
  for (const problem of r.problems) lines.push(`  problem: ${problem}`)
  lines.push(ok ? 'the recount equals the published tally' : 'the recount does NOT confirm the published tally')
  return lines.join('\n')
}
