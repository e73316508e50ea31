import { ProtocolError } from '@tabularium/protocol'
import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../http/appEnv.js'
import { parseInput } from '../http/parseInput.js'
import type { IdentityContext } from '../identity/identityContext.js'

const AtQuery = z.strictObject({ at: z.iso.datetime({ offset: true }).optional() })

/**
 * The registry's public URLs: DID resolution (W3C DID Resolution result,
 * `?at=` for the document valid at a time), accreditation entries (what
 * credentials' `termsOfUse` point at), and status-list credentials signed by
 * this node's issuer key.
 *
 * @example app.route('/', registryRoutes({ identity }))
 */
export function registryRoutes({ identity }: { identity: IdentityContext }): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const { ledger } = identity
  app.get('/v1/registry/dids/:did', (c) => {
    const { at } = parseInput({ schema: AtQuery, input: c.req.query(), what: 'query' })
    const result = ledger.query('registry', 'resolve', {
      did: c.req.param('did'),
      ...(at === undefined ? {} : { at }),
    }) as {
      document: unknown
      metadata: Record<string, unknown>
    }
    return c.json(
      {
        '@context': 'https://w3id.org/did-resolution/v1',
        didDocument: result.document,
        didDocumentMetadata: result.metadata,
        didResolutionMetadata: { contentType: 'application/did+json' },
      },
      200,
      { 'Content-Type': 'application/did-resolution+json; charset=utf-8' },
    )
  })
  app.get('/v1/registry/accreditations/:id', (c) =>
    c.json(ledger.query('registry', 'accreditation', { id: c.req.param('id') }) as object),
  )
  app.get('/v1/registry/status-lists/:issuer/:list', async (c) => {
    const { issuer, list } = c.req.param()
    if (!issuer.startsWith('did:tab:')) throw new ProtocolError('NOT_FOUND', 'no such status list')
    const jwt = await identity.issueStatusList(identity.baseUrl(c.req.url), issuer, list)
    return c.body(jwt, 200, { 'Content-Type': 'application/jwt', 'Cache-Control': 'no-cache' })
  })
  return app
}
