#!/usr/bin/env node
import { CommanderError } from 'commander'
import { EXIT } from './cliError.js'
import { createProgram } from './program.js'

/**
 * Entry point of the `tabularium` command. Exit codes: 0 ok, 1 a
 * verification or audit failed, 2 usage or any other error.
 */
async function main(): Promise<void> {
  try {
    await createProgram().parseAsync(process.argv)
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version "fail" with exit code 0; real usage errors get 2.
      process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.error
      return
    }
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exitCode = EXIT.error
  }
}

await main()
