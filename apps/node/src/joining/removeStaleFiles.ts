import { readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'

/**
 * Removes the temporary files a crash left behind: `<prefix><uuid>.sqlite`
 * and its WAL files in `dir` (`.join-` while verifying a snapshot,
 * `.snapshot-` while serving one), each as large as the ledger. Called at
 * start, when no such file can be in use.
 *
 * @example removeStaleFiles(dataDir, '.snapshot-')
 */
export function removeStaleFiles(dir: string, prefix: '.join-' | '.snapshot-'): void {
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return // no directory, nothing left behind
  }
  const stale = /^[0-9a-f-]{36}\.sqlite(-wal|-shm)?$/
  for (const name of names)
    if (name.startsWith(prefix) && stale.test(name.slice(prefix.length))) rmSync(join(dir, name))
}
