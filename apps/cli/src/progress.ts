import cliProgress from 'cli-progress'

/** A progress reporter: a bar on a terminal, nothing elsewhere. */
export interface Progress {
  start(total: number, label?: string): void
  update(value: number, total?: number): void
  stop(): void
}

/**
 * A progress bar on stderr, shown only when stderr is a terminal and output
 * is not JSON, so that pipes, logs and `--json` consumers see clean output.
 *
 * @example const bar = createProgress({ enabled: !opts.json }); bar.start(n, 'auditing'); bar.update(i); bar.stop()
 */
export function createProgress({ enabled = true }: { enabled?: boolean } = {}): Progress {
  if (!enabled || process.stderr.isTTY !== true) return { start() {}, update() {}, stop() {} }
  let bar: cliProgress.SingleBar | undefined
  return {
    start(total, label = '') {
      bar = new cliProgress.SingleBar(
        { stream: process.stderr, format: `${label} [{bar}] {percentage}% | {value}/{total} | {eta_formatted}` },
        cliProgress.Presets.shades_classic,
      )
      bar.start(total, 0)
    },
    update(value, total) {
      if (total !== undefined) bar?.setTotal(total)
      bar?.update(value)
    },
    stop() {
      bar?.stop()
      bar = undefined
    },
  }
}
