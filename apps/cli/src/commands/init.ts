import type { Command } from 'commander'
import { CliError } from '../cliError.js'
import { type CommandContext, commandAction } from '../lib/commandAction.js'
import { type CreateSandboxResult, createSandbox } from '../lib/createSandbox.js'
import { DEFAULT_DIR } from '../lib/resolveUrl.js'

interface InitOptions {
  dir: string
  orgs: string
  network: string
  force?: boolean
  witnessQuorum: string
  json?: boolean
}

/** `tabularium init`: keys and genesis for a sandbox network on this machine. */
export function registerInit(program: Command): void {
  program
    .command('init')
    .description('create a sandbox network: genesis.json, node keys and organisation keys')
    .option('--dir <dir>', 'data directory', DEFAULT_DIR)
    .option('--orgs <n>', 'number of member organisations (1–100)', '1')
    .option('--network <name>', 'network name', 'sandbox')
    .option('--force', 'replace an existing sandbox, its keys and its ledger')
    .option('--witness-quorum <n>', 'witness cosignatures a checkpoint needs (one embedded node gives 1)', '1')
    .option('--json', 'print JSON')
    .action(commandAction<InitOptions>(init))
}

async function init({ opts, out }: CommandContext<InitOptions>) {
  const organisations = Number(opts.orgs)
  if (!Number.isInteger(organisations) || organisations < 1 || organisations > 100) {
    throw new CliError('USAGE', '--orgs must be an integer from 1 to 100')
  }
  const witnessQuorum = Number(opts.witnessQuorum)
  if (!Number.isInteger(witnessQuorum) || witnessQuorum < 1 || witnessQuorum > organisations) {
    throw new CliError('USAGE', '--witness-quorum must be an integer from 1 to the number of organisations')
  }
  const result = await createSandbox({
    dir: opts.dir,
    organisations,
    network: opts.network,
    force: opts.force === true,
    witnessQuorum,
  })
  out.result(result, () => describeSandbox(result))
}

/** The human summary of a new sandbox, with the next command to run. */
export function describeSandbox(r: CreateSandboxResult): string {
  return [
    `created network "${r.network}" (origin ${r.origin}) with ${r.members.length} organisation(s) in ${r.dir}`,
    `  genesis:    ${r.genesis}`,
    `  node keys:  ${r.nodeKeys} (${r.members[0]?.id}'s node, mode 0600)`,
    ...r.members.map((m) => `  key:        ${m.key}  ${m.did}`),
    `  issuer:     ${r.issuer.key}  ${r.issuer.did} (registered on first start)`,
    ...(r.removedLedger ? ['  removed the previous ledger'] : []),
    // One node holds one witness key: until the other members' witnesses
    // cosign, its checkpoints stay below the quorum and receipts do not verify.
    ...(r.witnessQuorum > 1
      ? [
          `note: checkpoints need ${r.witnessQuorum} of ${r.members.length} witness cosignatures; one node cosigns as ${r.members[0]?.id} only`,
        ]
      : []),
    `next: tabularium node start --dir ${r.dir}`,
  ].join('\n')
}
