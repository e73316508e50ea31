import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { formatIssues } from '@tabularium/protocol'
import { NodeError } from '../errors.js'
import { CONFIG_OPTIONS, type ConfigOption } from './configOptions.js'
import { type NodeConfig, NodeConfigSchema } from './nodeConfigSchema.js'

/** Options of `loadConfig`. */
export interface LoadConfigParameters {
  /** A JSON config file; else `--config`, else `TABULARIUM_CONFIG`. */
  file?: string
  env?: Record<string, string | undefined>
  /** Command-line flags (`--port 9000`, `--port=9000`). */
  argv?: readonly string[]
}

type Layer = Record<string, unknown>

/**
 * Loads the node's configuration from a JSON file, `TABULARIUM_*` variables
 * and flags, later ones winning, and checks it whole: every bad option is
 * reported at once (INVALID_CONFIG, `details.issues`).
 *
 * @example const config = loadConfig({ argv: ['--port', '0'], env: {} }) // config.host === '127.0.0.1'
 */
export function loadConfig({ file, env = process.env, argv = [] }: LoadConfigParameters = {}): NodeConfig {
  const flags = readFlags(argv)
  const path = file ?? (flags.config as string | undefined) ?? env.TABULARIUM_CONFIG
  const layers = [
    path === undefined ? {} : readFile(path),
    fromSource(env, (o) => o.env),
    fromSource(flags, (o) => o.flag),
  ]
  const result = NodeConfigSchema.safeParse(layers.reduce(merge, {}))
  if (result.success) return result.data
  throw new NodeError(
    'INVALID_CONFIG',
    `invalid configuration: ${formatIssues(result.error)
      .map((i) => `${i.path}: ${i.message}`)
      .join('; ')}`,
    {
      details: { issues: formatIssues(result.error) },
    },
  )
}

function readFlags(argv: readonly string[]): Record<string, string | undefined> {
  const options = Object.fromEntries([
    ['config', { type: 'string' as const }],
    ...CONFIG_OPTIONS.map((o) => [o.flag, { type: 'string' as const }]),
  ])
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values as Record<
      string,
      string | undefined
    >
  } catch (cause) {
    throw new NodeError('INVALID_CONFIG', cause instanceof Error ? cause.message : 'invalid flags', { cause })
  }
}

function readFile(path: string): Layer {
  let value: unknown
  try {
    value = JSON.parse(readFileSync(path, 'utf8'))
  } catch (cause) {
    throw new NodeError('INVALID_CONFIG', `cannot read the config file ${path}`, { cause, details: { file: path } })
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new NodeError('INVALID_CONFIG', `the config file ${path} must hold a JSON object`, {
      details: { file: path },
    })
  }
  return value as Layer
}

function fromSource(source: Record<string, string | undefined>, name: (o: ConfigOption) => string): Layer {
  const layer: Layer = {}
  for (const option of CONFIG_OPTIONS) {
    const raw = source[name(option)]
    if (raw === undefined) continue
    // Numbers convert only when plainly numeric; anything else reaches the schema as text and is reported.
    const value = option.type === 'number' && /^[0-9]{1,15}$/.test(raw) ? Number(raw) : raw
    setPath(layer, option.path, value)
  }
  return layer
}

function setPath(target: Layer, path: readonly string[], value: unknown): void {
  let node = target
  for (const key of path.slice(0, -1)) {
    node[key] ??= {}
    node = node[key] as Layer
  }
  node[path[path.length - 1] as string] = value
}

function merge(base: Layer, over: Layer): Layer {
  const out: Layer = { ...base }
  for (const [key, value] of Object.entries(over)) {
    // A config file is JSON: `__proto__` there would be a key, never a prototype.
    if (key === '__proto__') continue
    const prior = out[key]
    out[key] = isPlain(prior) && isPlain(value) ? merge(prior, value) : value
  }
  return out
}

function isPlain(value: unknown): value is Layer {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}
