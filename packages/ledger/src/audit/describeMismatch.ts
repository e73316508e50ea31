import type { LogEntry } from '@tabularium/protocol'

/**
 * Says which part of a stored entry re-execution did not reproduce: the
 * outcome (accepted/rejected, code), the events digest or the state digest.
 *
 * @example describeMismatch(recomputed, stored) // 'the state digest differs …'
 */
export function describeMismatch(recomputed: LogEntry, stored: LogEntry): string {
  const a = recomputed.outcome
  const b = stored.outcome
  if (a.status !== b.status) return `re-execution gives outcome ${a.status}, the log records ${b.status}`
  if (a.status === 'rejected' && b.status === 'rejected' && (a.code !== b.code || a.message !== b.message)) {
    return `re-execution rejects with ${a.code}, the log records ${b.code}`
  }
  if (a.status === 'accepted' && b.status === 'accepted' && a.events !== b.events) {
    return 'the events digest differs from re-execution'
  }
  if (recomputed.state !== stored.state) return 'the state digest differs from re-execution'
  return 'the entry differs from its re-execution'
}
