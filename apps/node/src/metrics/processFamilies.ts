import type { MetricFamily } from './formatPrometheus.js'

/**
 * Process metrics under the names Prometheus client libraries use, so that
 * standard dashboards work unchanged.
 *
 * @example processFamilies().map((f) => f.name) // ['process_resident_memory_bytes', …]
 */
export function processFamilies(): MetricFamily[] {
  const memory = process.memoryUsage()
  const gauge = (name: string, help: string, value: number): MetricFamily => ({
    name,
    help,
    type: 'gauge',
    samples: [{ value }],
  })
  return [
    gauge('process_resident_memory_bytes', 'Resident memory size in bytes.', memory.rss),
    gauge('nodejs_heap_size_total_bytes', 'Process heap size from Node.js in bytes.', memory.heapTotal),
    gauge('nodejs_heap_size_used_bytes', 'Process heap size used from Node.js in bytes.', memory.heapUsed),
    gauge('nodejs_external_memory_bytes', 'Node.js external memory size in bytes.', memory.external),
    gauge('process_uptime_seconds', 'Seconds since the process started.', process.uptime()),
  ]
}
