import { readFileSync } from 'node:fs'

/**
 * The last lines of a log file (empty when there is none), to show why a
 * process did not start.
 *
 * @example logTail('devnet/logs/etcd-m0.log', 20)
 */
export function logTail(path: string, lines = 20): string {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch {
    return ''
  }
  return text.trimEnd().split('\n').slice(-lines).join('\n')
}
