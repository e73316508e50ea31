import { availableParallelism, cpus, totalmem } from 'node:os'

/** What the benchmark ran on, so that figures from different machines are not compared blindly. */
export function describeMachine() {
  const list = cpus()
  return {
    cpus: availableParallelism(),
    model: list[0]?.model?.trim() ?? 'unknown',
    memory: totalmem(),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  }
}

/** Percentile of sorted numbers (nearest rank). */
export function percentile(sorted, p) {
  if (sorted.length === 0) return Number.NaN
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

/** Logs progress to stderr, so that stdout holds only the JSON result. */
export function log(message) {
  process.stderr.write(`[bench] ${message}\n`)
}
