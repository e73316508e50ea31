import { randomBytes } from 'node:crypto'
import { isBaseError, toBase64Url } from '@tabularium/core'
import { verifyCredential, verifyJwtVp } from '@tabularium/identity'
import { ProtocolError } from '@tabularium/protocol'
import { type Context, Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../http/appEnv.js'
import { parseInput } from '../http/parseInput.js'
import { readJsonBody } from '../http/readJsonBody.js'
import type { IdentityContext } from '../identity/identityContext.js'
import {
  evaluateDefinition,
  type PresentationDefinition,
  PresentationDefinitionSchema,
  type PresentedCredential,
  RESIDENCY_DEFINITION,
} from '../identity/oid4vp/presentationDefinition.js'
import { readParams } from '../identity/readParams.js'
import { createTtlStore } from '../identity/ttlStore.js'

/** A verification session of the OpenID4VP verifier. */
interface Session {
  state: string
  nonce: string
  definition: PresentationDefinition
  status: 'pending' | 'verified' | 'rejected'
  created: string
  result: { credentials: PresentedCredential[] } | null
  error: { code: string; message: string; details?: Record<string, unknown> } | null
}

const CreateBody = z.strictObject({ presentation_definition: PresentationDefinitionSchema.optional() })

/**
 * The OpenID4VP verifier (draft 20+, `response_mode=direct_post`,
 * `client_id_scheme=redirect_uri`, DIF Presentation Exchange): create a
 * request, let the wallet fetch it by `request_uri`, receive `vp_token` and
 * `presentation_submission` at the response URI, verify them (the
 * credential pipeline, key binding to this request's nonce and client id,
 * the definition's fields), and expose the outcome by `state`.
 *
 * @example app.route('/', oid4vpRoutes({ identity }))
 */
export function oid4vpRoutes({ identity }: { identity: IdentityContext }): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const sessions = createTtlStore<Session>({ ttlMs: 15 * 60_000, max: 10_000 })
  const base = (c: Context<AppEnv>) => identity.baseUrl(c.req.url)
  const responseUri = (c: Context<AppEnv>) => `${base(c)}/v1/oid4vp/responses`
  const authorizationRequest = (c: Context<AppEnv>, s: Session) => ({
    response_type: 'vp_token',
    response_mode: 'direct_post',
    client_id: responseUri(c),
    client_id_scheme: 'redirect_uri',
    response_uri: responseUri(c),
    nonce: s.nonce,
    state: s.state,
    presentation_definition: s.definition,
  })

  app.post('/v1/oid4vp/requests', async (c) => {
    const body = parseInput({
      schema: CreateBody,
      input: await readJsonBody({ request: c.req.raw, maxBytes: 64_000 }),
      what: 'body',
    })
    const session: Session = {
      state: toBase64Url(randomBytes(16)),
      nonce: toBase64Url(randomBytes(16)),
      definition: body.presentation_definition ?? RESIDENCY_DEFINITION,
      status: 'pending',
      created: identity.now().toISOString(),
      result: null,
      error: null,
    }
    sessions.set(session.state, session)
    const requestUri = `${base(c)}/v1/oid4vp/requests/${session.state}/object`
    const link = `openid4vp://?client_id=${encodeURIComponent(responseUri(c))}&request_uri=${encodeURIComponent(requestUri)}`
    return c.json(
      {
        state: session.state,
        nonce: session.nonce,
        request_uri: requestUri,
        link,
        authorization_request: authorizationRequest(c, session),
      },
      201,
    )
  })
  app.get('/v1/oid4vp/requests/:state/object', (c) =>
    c.json(authorizationRequest(c, find(sessions.get(c.req.param('state'))))),
  )
  app.get('/v1/oid4vp/requests/:state', (c) => {
    const { state, status, created, result, error } = find(sessions.get(c.req.param('state')))
    return c.json({ state, status, created, result, error })
  })
  app.post('/v1/oid4vp/responses', async (c) => {
    const params = await readParams(c.req.raw)
    const session = find(typeof params.state === 'string' ? sessions.get(params.state) : undefined)
    if (session.status !== 'pending') throw new ProtocolError('CONFLICT', 'this request was answered already')
    try {
      const credential = await verifyResponse({ identity, base: base(c), audience: responseUri(c), session, params })
      evaluateDefinition({
        definition: session.definition,
        submission: parseJson(params.presentation_submission),
        credential,
      })
      Object.assign(session, { status: 'verified', result: { credentials: [credential] } })
      return c.json({ status: 'verified' })
    } catch (error) {
      if (!isBaseError(error)) throw error
      Object.assign(session, { status: 'rejected', error: error.toJSON() })
      throw error
    }
  })
  return app
}

async function verifyResponse(p: {
  identity: IdentityContext
  base: string
  audience: string
  session: Session
  params: Record<string, unknown>
}): Promise<PresentedCredential> {
  const token = p.params.vp_token
  if (typeof token !== 'string') throw new ProtocolError('INVALID_REQUEST', 'vp_token must be one presentation')
  const world = { ...p.identity.verification(p.base), now: p.identity.now() }
  if (token.includes('~')) {
    const v = await verifyCredential({
      ...world,
      credential: token,
      keyBinding: { audience: p.audience, nonce: p.session.nonce },
    })
    return { format: v.format, issuer: v.issuer, types: v.types, claims: v.claims }
  }
  const { credentials } = await verifyJwtVp({
    ...world,
    presentation: token,
    audience: p.audience,
    nonce: p.session.nonce,
  })
  const [v] = credentials
  if (v === undefined) throw new ProtocolError('PRESENTATION_REJECTED', 'the presentation holds no credential')
  return { format: v.format, issuer: v.issuer, types: v.types, claims: v.claims }
}

function parseJson(value: unknown): unknown {
  if (typeof value !== 'string') return value
  try {
    return JSON.parse(value)
  } catch {
    throw new ProtocolError('INVALID_REQUEST', 'presentation_submission is not JSON')
  }
}

function find(session: Session | undefined): Session {
  if (session === undefined) throw new ProtocolError('NOT_FOUND', 'no such verification request (or it expired)')
  return session
}
