import { randomBytes } from 'node:crypto'
import type { Ledger } from '@tabularium/ledger'
import type { Vault } from '@tabularium/vault'
import { Hono } from 'hono'
import { methodNotAllowed } from 'hono/method-not-allowed'
import { secureHeaders } from 'hono/secure-headers'
import type { Logger } from 'pino'
import type { NodeConfig } from './config/nodeConfigSchema.js'
import type { AppEnv } from './http/appEnv.js'
import { handleError, handleNotFound } from './http/handleError.js'
import { observeRequests } from './http/observeRequests.js'
import { publicCors } from './http/publicCors.js'
import { createIdentityContext, type IdentityOptions } from './identity/identityContext.js'
import { createIssuerState } from './identity/oid4vci/issuerState.js'
import { createMetrics } from './metrics/createMetrics.js'
import { awardCredentialRoutes } from './routes/awardCredentialRoutes.js'
import { type BallotOptions, ballotRoutes } from './routes/ballotRoutes.js'
import { eventRoutes } from './routes/eventRoutes.js'
import { finalityRoutes } from './routes/finalityRoutes.js'
import { type FundingOptions, fundingRoutes } from './routes/fundingRoutes.js'
import { grantApplicationRoutes } from './routes/grantApplicationRoutes.js'
import { healthRoutes } from './routes/healthRoutes.js'
import { logRoutes } from './routes/logRoutes.js'
import { moduleRoutes } from './routes/moduleRoutes.js'
import { networkRoutes } from './routes/networkRoutes.js'
import { oid4vciOfferRoutes } from './routes/oid4vciOfferRoutes.js'
import { oid4vciRoutes } from './routes/oid4vciRoutes.js'
import { oid4vpRoutes } from './routes/oid4vpRoutes.js'
import { openApiRoutes } from './routes/openApiRoutes.js'
import { proofRoutes } from './routes/proofRoutes.js'
import { registryRoutes } from './routes/registryRoutes.js'
import { type SnapshotSource, snapshotRoutes } from './routes/snapshotRoutes.js'
import { tlogRoutes } from './routes/tlogRoutes.js'
import { transactionRoutes } from './routes/transactionRoutes.js'
import { vaultRoutes } from './routes/vaultRoutes.js'
import { voucherApplicationRoutes } from './routes/voucherApplicationRoutes.js'
import { type WitnessRoutesParameters, witnessRoutes } from './routes/witnessRoutes.js'
import { serveWebApp } from './web/serveWebApp.js'
import { witnessMetricFamilies } from './witness/witnessMetrics.js'

/** Options of `createApp`. */
export interface CreateAppParameters {
  ledger: Ledger
  /** The node's configuration (theme, SSE settings); `loadConfig({ env: {} })` gives the defaults. */
  config: Pick<NodeConfig, 'theme' | 'sseHeartbeatMs' | 'maxSseClients'>
  logger: Logger
  /** The built web app, served at / with SPA fallback. */
  webRoot?: string | undefined
  /** Aborted when the node shuts down: readiness fails, submissions and event streams end. */
  shutdown?: AbortSignal
  /** Identity: the issuer key this node holds, its public URL (registry, OpenID4VCI, OpenID4VP routes). */
  identity?: IdentityOptions
  /** Vouchers and grants routes: the grants blob store (default in memory). */
  funding?: FundingOptions
  /** Ballots token desk: where the blind-signing keys live (default in memory). */
  ballots?: BallotOptions
  /** The personal-data vault (residency requests' data; "who used my data"); without it, request data stays in memory. */
  vault?: Vault | undefined
  /** C2SP tlog-witness: this node as a witness (POST /add-checkpoint) and its pushes to outside witnesses. */
  witnessing?: WitnessRoutesParameters
  /** GET /v1/snapshot: the ledger file to copy for a joining member's node (without it the route is NOT_FOUND). */
  snapshots?: SnapshotSource | undefined
}

/**
 * The node's HTTP API (docs/architecture.md) as a hono app: usable in-process
 * with `app.request()` and served by `startNode`.
 *
 * @example
 * const app = createApp({ ledger, config: loadConfig({ env: {} }), logger: pino() })
 * const res = await app.request('/v1/checkpoint')
 */
export function createApp({
  ledger,
  config,
  logger,
  webRoot,
  shutdown = new AbortController().signal,
  identity: identityOptions = {},
  funding = {},
  ballots = {},
  vault,
  witnessing = {},
  snapshots,
}: CreateAppParameters): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const metrics = createMetrics()
  const events = eventRoutes({ ledger, shutdown, heartbeatMs: config.sseHeartbeatMs, maxClients: config.maxSseClients })
  app.onError(handleError)
  app.notFound(handleNotFound)
  app.use(observeRequests({ logger, metrics }))
  app.use(secureHeaders({ crossOriginResourcePolicy: 'cross-origin' }))
  app.use(
    methodNotAllowed({
      app,
      onMethodNotAllowed: (c, methods) =>
        c.json({ error: { code: 'METHOD_NOT_ALLOWED', message: `use ${methods.join(', ')}` } }, 405, {
          Allow: methods.join(', '),
        }),
    }),
  )
  // Everything public is readable cross-origin, and transactions carry their own signatures (no cookies).
  app.use('/v1/*', publicCors({ exposeHeaders: ['X-Request-Id', 'Retry-After'] }))
  app.use('/tlog/*', publicCors())
  // Witness clients may run in a browser (`addCheckpoint` of @tabularium/log); the request carries no credentials.
  app.use('/add-checkpoint', publicCors())
  app.use('/.well-known/*', publicCors())
  app.route('/', transactionRoutes({ ledger, shutdown }))
  app.route('/', logRoutes({ ledger }))
  app.route('/', finalityRoutes({ ledger }))
  app.route('/', proofRoutes({ ledger }))
  app.route('/', moduleRoutes({ ledger }))
  app.route('/', networkRoutes({ genesis: ledger.genesis, theme: config.theme }))
  app.route('/', events.app)
  app.route('/', tlogRoutes({ ledger }))
  app.route('/', witnessRoutes(witnessing))
  app.route('/', snapshotRoutes({ source: snapshots }))
  const extraFamilies = () => witnessMetricFamilies(witnessing)
  app.route('/', healthRoutes({ ledger, metrics, shutdown, sseClients: events.clients, extraFamilies }))
  const identity = createIdentityContext({ ledger, options: identityOptions })
  const issuerState = createIssuerState()
  app.route('/', registryRoutes({ identity }))
  app.route('/', oid4vciRoutes({ identity, state: issuerState, vault }))
  app.route('/', oid4vciOfferRoutes({ identity, state: issuerState, vault }))
  app.route('/', vaultRoutes({ ledger, vault, issuer: identity.issuer }))
  app.route('/', oid4vpRoutes({ identity }))
  app.route('/', fundingRoutes({ ledger, options: funding }))
  app.route('/', ballotRoutes({ ledger, identity, options: ballots }))
  app.route('/', voucherApplicationRoutes({ identity, pseudonymKey: funding.pseudonymKey ?? randomBytes(32) }))
  app.route('/', awardCredentialRoutes({ identity }))
  app.route('/', grantApplicationRoutes({ identity }))
  app.route('/', openApiRoutes({ ledger }))
  if (webRoot !== undefined) app.get('*', serveWebApp({ root: webRoot }))
  return app
}
