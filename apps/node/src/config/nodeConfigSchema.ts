import { z } from 'zod'
import { WitnessConfigSchema } from './witnessConfigSchema.js'

// Colours reach CSS in the web app: hex only, so no value can inject a rule.
const color = z.string().regex(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, 'expected a hex colour like #1f3a5f')
const logoUrl = z
  .string()
  .max(2048)
  .regex(/^(https?:\/\/[^\s"'<>]+|\/[^\s"'<>]*)$/, 'expected an http(s) URL or an absolute path')

/**
 * The web app's theme, served at GET /v1/config/ui.
 *
 * @example ThemeSchema.parse({ name: 'Leuven' }).colors.primary // '#1f3a5f'
 */
export const ThemeSchema = z.strictObject({
  name: z.string().min(1).max(100).default('Tabularium'),
  logoUrl: logoUrl.optional(),
  colors: z
    .strictObject({
      primary: color.default('#1f3a5f'),
      accent: color.default('#0b6e4f'),
      background: color.default('#ffffff'),
      text: color.default('#1b1f24'),
    })
    .prefault({}),
})

/**
 * The node's configuration, after defaults (see README: file, env, flags).
 *
 * @example NodeConfigSchema.parse({}).host // '127.0.0.1'
 */
export const NodeConfigSchema = z.strictObject({
  /** Holds genesis.json, node-keys.json and ledger.sqlite. */
  dataDir: z.string().min(1).default('.tabularium/node'),
  /** Loopback by default: a node is exposed only when its operator says so. */
  host: z.string().min(1).max(255).default('127.0.0.1'),
  /** 0 picks a free port. */
  port: z.number().int().min(0).max(65535).default(8080),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** The built web app (apps/web/dist), served at / with SPA fallback. */
  webRoot: z.string().min(1).optional(),
  /** Largest block in transactions (ledger default when absent). */
  blockSize: z.number().int().min(1).max(100_000).optional(),
  /** How long the sequencer waits to fill a block (ledger default when absent). */
  blockIntervalMs: z.number().int().min(0).max(60_000).optional(),
  /** How transactions are ordered: in this process, or on an etcd cluster shared by the members' nodes (DESIGN §2.4). */
  orderer: z.enum(['embedded', 'etcd']).default('embedded'),
  /** The etcd members' client URLs, comma-separated (`http://127.0.0.1:2379,http://…`); needed with `orderer: etcd`. */
  etcdEndpoints: z
    .string()
    .max(4096)
    .regex(/^https?:\/\/[^\s,]+(,https?:\/\/[^\s,]+)*$/, 'expected comma-separated http(s) URLs')
    .optional(),
  /** A member node's URL: with no ledger in the data directory yet, start from its verified snapshot (README, "Joining a network"). */
  joinFrom: z
    .string()
    .max(2048)
    .regex(/^https?:\/\/[^\s]+$/, 'expected an http(s) URL')
    .optional(),
  sseHeartbeatMs: z.number().int().min(100).max(3_600_000).default(15_000),
  maxSseClients: z.number().int().min(1).max(100_000).default(1000),
  /** Grace period for in-flight requests at shutdown. */
  shutdownTimeoutMs: z.number().int().min(0).max(600_000).default(10_000),
  theme: ThemeSchema.prefault({}),
  /** C2SP tlog-witness: logs this node witnesses besides its own, outside witnesses it pushes to (file only). */
  witness: WitnessConfigSchema.prefault({}),
})

/** The node's configuration. */
export type NodeConfig = z.infer<typeof NodeConfigSchema>
/** The web app's theme. */
export type Theme = z.infer<typeof ThemeSchema>
