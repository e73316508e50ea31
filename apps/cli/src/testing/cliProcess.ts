import { type ChildProcess, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

/** The built CLI entry point, as users run it. */
export const CLI = fileURLToPath(new URL('../main.js', import.meta.url))

/** What a finished CLI run gave. */
export interface CliRun {
  code: number | null
  stdout: string
  stderr: string
}

/**
 * Runs the real built `tabularium` command in a child process.
 *
 * @example const { code, stdout } = await runCli({ args: ['verify', 'r.json', '--genesis', g], cwd })
 */
export function runCli({ args, cwd, env }: { args: string[]; cwd?: string; env?: NodeJS.ProcessEnv }): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.once('error', reject)
    child.once('close', (code) => resolve({ code, stdout, stderr }))
  })
}

/** A node started with `tabularium node start`. */
export interface NodeProcess {
  url: string
  pid: number
  child: ChildProcess
  /** Sends a signal and waits for the process to end. */
  kill(signal?: NodeJS.Signals): Promise<void>
}

/**
 * Starts `tabularium node start --dir D --port 0 --json` and resolves with
 * its URL once it prints the listening line (stdout carries only that line).
 *
 * @example const node = await startNodeProcess({ dir }); …; await node.kill('SIGKILL')
 */
export function startNodeProcess({
  dir,
  cwd,
  extra = [],
}: {
  dir: string
  cwd?: string
  extra?: string[]
}): Promise<NodeProcess> {
  const args = ['node', 'start', '--dir', dir, '--port', '0', '--json', '--log-level', 'warn', ...extra]
  const child = spawn(process.execPath, [CLI, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] })
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  return new Promise((resolve, reject) => {
    let stdout = ''
    const timer = setTimeout(() => reject(new Error(`node did not start in time: ${stderr}`)), 20_000)
    child.once('exit', (code) => reject(new Error(`node exited with ${code}: ${stderr}`)))
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
      const line = stdout.split('\n')[0]
      if (!stdout.includes('\n') || line === undefined) return
      clearTimeout(timer)
      const { url, pid } = JSON.parse(line) as { url: string; pid: number }
      resolve({
        url,
        pid,
        child,
        kill: async (signal = 'SIGTERM') => {
          if (child.exitCode === null && child.signalCode === null) child.kill(signal)
          await exited
        },
      })
    })
  })
}
