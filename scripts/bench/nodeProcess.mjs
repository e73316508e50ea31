import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const CLI = fileURLToPath(new URL('../../apps/cli/dist/main.js', import.meta.url))

/**
 * Starts `tabularium node start` on a data directory in a child process (its
 * own event loop, as in production) and resolves when it prints its URL.
 *
 * @example const node = await spawnNode({ dir }); …; await node.stop()
 */
export function spawnNode({ dir, extra = [] }) {
  const args = [CLI, 'node', 'start', '--dir', dir, '--port', '0', '--json', '--log-level', 'warn', ...extra]
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] })
  let stderr = ''
  child.stderr.on('data', (chunk) => (stderr += chunk))
  const exited = new Promise((resolve) => child.once('exit', resolve))
  return new Promise((resolve, reject) => {
    let stdout = ''
    child.once('exit', (code) => reject(new Error(`node exited (${code}): ${stderr}`)))
    child.stdout.on('data', (chunk) => {
      stdout += chunk
      if (!stdout.includes('\n')) return
      const { url } = JSON.parse(stdout.split('\n')[0])
      resolve({
        url,
        child,
        async stop() {
          child.kill('SIGTERM')
          await exited
        },
      })
    })
  })
}
