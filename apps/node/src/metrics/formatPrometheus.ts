/** One sample of a metric: its labels and value. */
export interface Sample {
  labels?: Record<string, string>
  value: number
  /** Appended to the metric name, e.g. `_bucket`, `_sum`. */
  suffix?: string
}

/** A metric family for the text exposition format. */
export interface MetricFamily {
  name: string
  help: string
  type: 'counter' | 'gauge' | 'histogram'
  samples: Sample[]
}

/**
 * Renders metric families in the Prometheus text exposition format (0.0.4):
 * `# HELP`, `# TYPE`, then one line per sample with escaped label values.
 *
 * @example formatPrometheus([{ name: 'up', help: 'Up.', type: 'gauge', samples: [{ value: 1 }] }]) // '# HELP up Up.\n…'
 */
export function formatPrometheus(families: readonly MetricFamily[]): string {
  const lines: string[] = []
  for (const family of families) {
    lines.push(`# HELP ${family.name} ${escapeHelp(family.help)}`, `# TYPE ${family.name} ${family.type}`)
    for (const sample of family.samples) {
      lines.push(`${family.name}${sample.suffix ?? ''}${formatLabels(sample.labels)} ${formatValue(sample.value)}`)
    }
  }
  return `${lines.join('\n')}\n`
}

function formatLabels(labels: Record<string, string> | undefined): string {
  if (labels === undefined) return ''
  const parts = Object.entries(labels).map(([key, value]) => `${key}="${escapeLabel(value)}"`)
  return parts.length === 0 ? '' : `{${parts.join(',')}}`
}

function escapeLabel(value: string): string {
  return value.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('\n', '\\n')
}

function escapeHelp(value: string): string {
  return value.replaceAll('\\', '\\\\').replaceAll('\n', '\\n')
}

function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN'
  if (value === Number.POSITIVE_INFINITY) return '+Inf'
  if (value === Number.NEGATIVE_INFINITY) return '-Inf'
  return String(value)
}
