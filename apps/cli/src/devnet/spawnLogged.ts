import { type ChildProcess, spawn } from 'node:child_process'
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs'
import { dirname } from 'node:path'

/** Parameters of `spawnLogged`. */
export interface SpawnLoggedParameters {
  command: string
  args: readonly string[]
  /** stdout and stderr are appended here. */
  logFile: string
  env?: NodeJS.ProcessEnv
  /**
   * Its own session and process group, not waited for: it outlives the
   * command that started it (`devnet up`). Tests keep their processes
   * attached, so a Ctrl-C of the test run reaches them too.
   */
  detached?: boolean
}

/**
 * Starts a long-running process with its output appended to a log file
 * (a header line says when and what was started).
 *
 * @example const child = spawnLogged({ command: 'etcd', args, logFile: 'logs/etcd-0.log', detached: true })
 */
export function spawnLogged({ command, args, logFile, env, detached = false }: SpawnLoggedParameters): ChildProcess {
  mkdirSync(dirname(logFile), { recursive: true })
  const fd = openSync(logFile, 'a')
  try {
    writeSync(fd, `\n--- ${new Date().toISOString()} start: ${[command, ...args].join(' ')}\n`)
    const child = spawn(command, args, { stdio: ['ignore', fd, fd], env: env ?? process.env, detached })
    // An ENOENT arrives as an event; without a listener it would crash the caller.
    child.on('error', () => {})
    if (detached) child.unref()
    return child
  } finally {
    closeSync(fd) // the child holds its own copy
  }
}
