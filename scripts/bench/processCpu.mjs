import { readFileSync } from 'node:fs'

const TICK_US = 10_000 // USER_HZ is 100 on Linux

/**
 * CPU time (µs, user + system) a process has used so far — all its threads,
 * and its main thread alone (the task whose id is the pid) — from /proc.
 * Undefined where there is no /proc (not Linux) or the process is gone.
 *
 * @example const before = processCpu(pid); …; cpuPerTransaction(before, processCpu(pid), n)
 */
export function processCpu(pid) {
  try {
    return { total: statCpu(`/proc/${pid}/stat`), main: statCpu(`/proc/${pid}/task/${pid}/stat`) }
  } catch {
    return undefined
  }
}

function statCpu(path) {
  const stat = readFileSync(path, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11]) + Number(fields[12])) * TICK_US // utime, stime (fields 14 and 15 of stat)
}

/** CPU µs per transaction between two `processCpu` readings of one process. */
export function cpuPerTransaction(before, after, transactions) {
  if (before === undefined || after === undefined) return undefined
  const per = (us) => Math.round(us / transactions)
  return { total: per(after.total - before.total), main: per(after.main - before.main) }
}
