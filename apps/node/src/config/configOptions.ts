/** One configuration option: where it sits in the config object, its env variable and flag. */
export interface ConfigOption {
  path: readonly string[]
  env: string
  flag: string
  type: 'string' | 'number'
  description: string
}

const option = (path: string[], flag: string, type: ConfigOption['type'], description: string): ConfigOption => ({
  path,
  flag,
  type,
  description,
  env: `TABULARIUM_${flag.toUpperCase().replaceAll('-', '_')}`,
})

/**
 * Every option settable by environment and flag; the file uses the `path`.
 * Precedence: defaults < file < environment < flags.
 *
 * @example CONFIG_OPTIONS.find((o) => o.flag === 'port')?.env // 'TABULARIUM_PORT'
 */
export const CONFIG_OPTIONS: readonly ConfigOption[] = [
  option(['dataDir'], 'data-dir', 'string', 'Directory with genesis.json, node-keys.json and ledger.sqlite'),
  option(['host'], 'host', 'string', 'Address to listen on (default 127.0.0.1)'),
  option(['port'], 'port', 'number', 'Port (default 8080; 0 = any free port)'),
  option(['logLevel'], 'log-level', 'string', 'fatal, error, warn, info (default), debug, trace or silent'),
  option(['webRoot'], 'web-root', 'string', 'Built web app to serve at / (e.g. apps/web/dist)'),
  option(['blockSize'], 'block-size', 'number', 'Largest block, in transactions'),
  option(['blockIntervalMs'], 'block-interval-ms', 'number', 'How long the sequencer waits to fill a block'),
  option(['orderer'], 'orderer', 'string', 'embedded (default) or etcd'),
  option(['etcdEndpoints'], 'etcd-endpoints', 'string', 'Comma-separated etcd client URLs (orderer etcd)'),
  option(
    ['joinFrom'],
    'join-from',
    'string',
    "A member node's URL: start from its verified snapshot when there is no ledger",
  ),
  option(['sseHeartbeatMs'], 'sse-heartbeat-ms', 'number', 'Interval of SSE heartbeat comments (default 15000)'),
  option(['maxSseClients'], 'max-sse-clients', 'number', 'Most open event streams (default 1000)'),
  option(
    ['shutdownTimeoutMs'],
    'shutdown-timeout-ms',
    'number',
    'Grace for in-flight requests at shutdown (default 10000)',
  ),
  option(['theme', 'name'], 'theme-name', 'string', 'Organisation name shown by the web app'),
  option(['theme', 'logoUrl'], 'theme-logo-url', 'string', 'Logo URL (http(s) or absolute path)'),
  option(['theme', 'colors', 'primary'], 'theme-primary-color', 'string', 'Primary colour (#rrggbb)'),
  option(['theme', 'colors', 'accent'], 'theme-accent-color', 'string', 'Accent colour'),
  option(['theme', 'colors', 'background'], 'theme-background-color', 'string', 'Background colour'),
  option(['theme', 'colors', 'text'], 'theme-text-color', 'string', 'Text colour'),
]
