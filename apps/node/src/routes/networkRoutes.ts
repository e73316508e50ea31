import type { Genesis } from '@tabularium/protocol'
import { Hono } from 'hono'
import type { Theme } from '../config/nodeConfigSchema.js'
import type { AppEnv } from '../http/appEnv.js'

/**
 * GET /v1/network: what a client needs to trust this network, from its genesis.
 *
 * @example networkSummary(genesis).logKeys // ['tabularium.local/sandbox+1a2b3c4d+…']
 */
export function networkSummary(genesis: Genesis) {
  return {
    network: genesis.network,
    origin: genesis.origin,
    createdAt: genesis.createdAt,
    members: genesis.members.map(({ id, name, did, logKey, witnessKey, url }) => ({
      id,
      name,
      did,
      logKey,
      witnessKey,
      ...(url === undefined ? {} : { url }),
    })),
    governanceThreshold: genesis.governanceThreshold,
    witnessQuorum: genesis.witnessQuorum,
    logKeys: genesis.members.map((member) => member.logKey),
    witnessKeys: genesis.members.map((member) => member.witnessKey),
  }
}

/**
 * GET /v1/network (genesis summary) and GET /v1/config/ui (the theme the web
 * app renders with).
 *
 * @example app.route('/', networkRoutes({ genesis, theme }))
 */
export function networkRoutes({ genesis, theme }: { genesis: Genesis; theme: Theme }): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const summary = networkSummary(genesis)
  app.get('/v1/network', (c) => c.json(summary))
  app.get('/v1/config/ui', (c) => c.json({ network: genesis.network, origin: genesis.origin, theme }))
  return app
}
