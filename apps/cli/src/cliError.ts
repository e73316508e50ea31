import { BaseError } from '@tabularium/core'

/**
 * Codes the CLI itself raises. Each maps to an exit code: 1 when something
 * was checked and found wrong, 2 when the command could not do its job.
 */
export type CliErrorCode =
  | 'USAGE'
  | 'FILE_NOT_FOUND'
  | 'INVALID_FILE'
  | 'ALREADY_EXISTS'
  | 'NO_NODE'
  | 'VERIFICATION_FAILED'
  | 'AUDIT_FAILED'
  | 'ETCD_NOT_FOUND'
  | 'DEVNET_FAILED'

/** Exit codes of the `tabularium` command. */
export const EXIT = { ok: 0, failed: 1, error: 2 } as const

const CHECK_FAILURES: readonly CliErrorCode[] = ['VERIFICATION_FAILED', 'AUDIT_FAILED']

/**
 * An error the CLI reports and exits on.
 *
 * @example throw new CliError('ALREADY_EXISTS', `${dir}/genesis.json exists; pass --force to overwrite`)
 */
export class CliError extends BaseError<CliErrorCode> {
  override readonly name: string = 'CliError'

  /** 1 for a verification or audit failure, 2 for everything else. */
  get exitCode(): number {
    return CHECK_FAILURES.includes(this.code) ? EXIT.failed : EXIT.error
  }
}
