import type { Command } from 'commander'
import { CliError, EXIT } from '../cliError.js'
import { createOutput, type Output } from '../output.js'

/** What a command's body receives. */
export interface CommandContext<Options> {
  /** Positional arguments, as commander parsed them. */
  args: string[]
  opts: Options
  out: Output
}

/**
 * Wraps a command body: builds its output (text or `--json`), and turns a
 * thrown error into a report and an exit code (1 for a failed check, 2 for
 * anything else) instead of a stack trace.
 *
 * @example program.command('checkpoint').action(commandAction(async ({ out }) => { … }))
 */
export function commandAction<Options extends { json?: boolean }>(
  body: (context: CommandContext<Options>) => Promise<number | void>,
) {
  return async function (this: Command): Promise<void> {
    const opts = this.opts() as Options
    const out = createOutput({ json: opts.json })
    try {
      const code = await body({ args: this.processedArgs as string[], opts, out })
      process.exitCode = code ?? EXIT.ok
    } catch (error) {
      out.failure(error)
      process.exitCode = error instanceof CliError ? error.exitCode : EXIT.error
    }
  }
}
