import { join } from 'node:path'
import { auditLedger } from '@tabularium/ledger'
import { NODE_MODULES } from '@tabularium/node'
import { type Genesis, GenesisSchema } from '@tabularium/protocol'
import type { Command } from 'commander'
import { CliError, EXIT } from '../cliError.js'
import { type CommandContext, commandAction } from '../lib/commandAction.js'
import { exists, readJsonFile } from '../lib/files.js'
import { DEFAULT_DIR } from '../lib/resolveUrl.js'
import { createProgress } from '../progress.js'

interface AuditOptions {
  dir: string
  json?: boolean
}

/** `tabularium audit --dir D`: re-verify and re-execute a ledger file from its genesis. */
export function registerAudit(program: Command): void {
  program
    .command('audit')
    .description(
      'audit D/ledger.sqlite: every leaf, signature, outcome, state digest and checkpoint; exit 1 on the first bad entry',
    )
    .option('--dir <dir>', 'data directory (genesis.json, ledger.sqlite)', DEFAULT_DIR)
    .option('--json', 'print JSON')
    .action(commandAction<AuditOptions>(audit))
}

async function audit({ opts, out }: CommandContext<AuditOptions>) {
  const genesis = await loadGenesis(join(opts.dir, 'genesis.json'))
  const path = join(opts.dir, 'ledger.sqlite')
  if (!(await exists(path)))
    throw new CliError('FILE_NOT_FOUND', `${path} does not exist; start the node once to create it`)
  const progress = createProgress({ enabled: !opts.json })
  let started = false
  const result = await auditLedger({
    path,
    genesis,
    modules: NODE_MODULES,
    onProgress: ({ index, treeSize }) => {
      if (!started) progress.start(treeSize, 'auditing')
      started = true
      progress.update(index + 1, treeSize)
    },
  }).finally(() => progress.stop())
  if (result.ok) {
    const summary = { ok: true, entries: result.treeSize, checkpoints: result.checkpoints }
    out.result(summary, () => `audit passed: ${summary.entries} entries, ${summary.checkpoints} checkpoints`)
    return EXIT.ok
  }
  const where = result.firstBadIndex < 0 ? 'before the first entry' : `at entry ${result.firstBadIndex}`
  out.result(
    { ok: false, firstBadIndex: result.firstBadIndex, reason: result.reason },
    () => `audit failed ${where}: ${result.reason}`,
  )
  return EXIT.failed
}

async function loadGenesis(path: string): Promise<Genesis> {
  const parsed = GenesisSchema.safeParse(await readJsonFile({ path }))
  if (!parsed.success)
    throw new CliError('INVALID_FILE', `${path} is not a valid genesis file`, { cause: parsed.error })
  return parsed.data
}
