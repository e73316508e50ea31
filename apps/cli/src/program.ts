import { Command } from 'commander'
import { registerAudit } from './commands/audit.js'
import { registerDevnet } from './commands/devnet.js'
import { registerDid } from './commands/did.js'
import { registerInit } from './commands/init.js'
import { registerKeys } from './commands/keys.js'
import { registerNode } from './commands/node.js'
import { registerRead } from './commands/read.js'
import { registerRecount } from './commands/recount.js'
import { registerStamp } from './commands/stamp.js'
import { registerTx } from './commands/tx.js'
import { registerVc } from './commands/vc.js'
import { registerVerify } from './commands/verify.js'

/** The CLI's version, shown by `tabularium --version`. */
export const VERSION = '0.1.0'

/**
 * Builds the `tabularium` command tree. Usage errors throw (exitOverride) so
 * that `main` can exit with 2, which scripts can tell apart from 1 (a
 * verification or audit that ran and failed).
 *
 * @example await createProgram().parseAsync(['node', 'tabularium', 'checkpoint', '--json'])
 */
export function createProgram(): Command {
  const program = new Command('tabularium')
    .description('Tabularium: a verifiable ledger for public administrations')
    .version(VERSION)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
  // Settings are copied to subcommands when they are created, so set them first.
  for (const register of [registerInit, registerNode, registerStamp, registerVerify, registerAudit]) register(program)
  for (const register of [registerKeys, registerTx, registerRead, registerRecount]) register(program)
  for (const register of [registerDid, registerVc, registerDevnet]) register(program)
  return program
}
