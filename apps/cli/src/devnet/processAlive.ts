import { readFileSync } from 'node:fs'

/**
 * True when `pid` runs and is the process we started: one of its arguments
 * must be `marker` (its data directory's path), so a pid reused by another
 * program after a reboot is never taken for ours — nor signalled. Where
 * /proc is missing the marker cannot be checked and a live pid counts.
 *
 * @example isProcessAlive({ pid: 4242, marker: '/home/me/devnet/etcd/m0' })
 */
export function isProcessAlive({ pid, marker }: { pid: number | null; marker: string }): boolean {
  if (pid === null || pid <= 0) return false
  try {
    process.kill(pid, 0)
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM' && commandLineHas(pid, marker) === true
  }
  return commandLineHas(pid, marker) ?? true
}

// Arguments in /proc/<pid>/cmdline are NUL-separated; a zombie has none.
function commandLineHas(pid: number, marker: string): boolean | undefined {
  let text: string
  try {
    text = readFileSync(`/proc/${pid}/cmdline`, 'utf8')
  } catch {
    return process.platform === 'linux' ? false : undefined
  }
  return text.split('\0').includes(marker)
}
