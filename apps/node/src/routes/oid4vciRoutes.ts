import type { Vault } from '@tabularium/vault'
import type { Context } from 'hono'
import { Hono } from 'hono'
import type { AppEnv } from '../http/appEnv.js'
import type { IdentityContext } from '../identity/identityContext.js'
import {
  AuthorizeRedirectError,
  authorize,
  redeemAuthorizationCode,
  TransactionCodeNeeded,
} from '../identity/oid4vci/authorizationCode.js'
import { checkProof } from '../identity/oid4vci/checkProof.js'
import { issueForGrant } from '../identity/oid4vci/issueForGrant.js'
import {
  type Grant,
  hashOf,
  type IssuerState,
  LIFETIMES,
  OAuthError,
  PRE_AUTHORIZED_GRANT,
  redeemCode,
  secret,
} from '../identity/oid4vci/issuerState.js'
import { authorizationServerMetadata, issuerMetadata } from '../identity/oid4vci/metadata.js'
import { readRequestClaims } from '../identity/oid4vci/residencyVault.js'
import { transactionCodeForm } from '../identity/oid4vci/transactionCodeForm.js'
import { readParams } from '../identity/readParams.js'

/**
 * The OpenID4VCI issuer (draft 13, pre-authorised code flow and
 * authorisation code flow with PKCE S256): issuer and authorisation-server
 * metadata, the authorisation, token and credential endpoints. Token and credential endpoints answer OAuth errors
 * (`{ error, error_description }`, RFC 6749 §5.2), as OpenID4VCI wallets expect.
 *
 * @example app.route('/', oid4vciRoutes({ identity, state }))
 */
export function oid4vciRoutes({
  identity,
  state,
  vault,
}: {
  identity: IdentityContext
  state: IssuerState
  /** Where requests' personal data is kept; read (and logged) at issuance. */
  vault?: Vault | undefined
}): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const base = (c: Context<AppEnv>) => identity.baseUrl(c.req.url)
  app.get('/.well-known/openid-credential-issuer', (c) => c.json(issuerMetadata(identity, base(c))))
  app.get('/.well-known/oauth-authorization-server', (c) => c.json(authorizationServerMetadata(base(c))))
  app.get('/v1/oid4vci/authorize', async (c) => {
    const params = c.req.query()
    c.header('Cache-Control', 'no-store')
    const back = (answer: Record<string, string>) => {
      const target = new URL(params.redirect_uri as string)
      for (const [name, value] of Object.entries(answer)) target.searchParams.set(name, value)
      if (params.state !== undefined) target.searchParams.set('state', params.state)
      return c.redirect(target.toString(), 302)
    }
    try {
      return back(authorize(state, params))
    } catch (error) {
      if (error instanceof TransactionCodeNeeded) {
        return c.html(transactionCodeForm({ params: params as Record<string, string>, wrong: error.wrong }), 401)
      }
      if (error instanceof AuthorizeRedirectError) {
        return back({ error: error.error, error_description: error.description })
      }
      return oauth(c, () => Promise.reject(error))
    }
  })
  app.post('/v1/oid4vci/token', async (c) =>
    oauth(c, async () => {
      const params = await readParams(c.req.raw)
      c.header('Cache-Control', 'no-store')
      if (params.grant_type === PRE_AUTHORIZED_GRANT) {
        return redeemCode(state, { code: params['pre-authorized_code'], txCode: params.tx_code ?? params.user_pin })
      }
      if (params.grant_type === 'authorization_code') return redeemAuthorizationCode(state, params)
      throw new OAuthError(
        'unsupported_grant_type',
        `only ${PRE_AUTHORIZED_GRANT} and authorization_code are supported`,
      )
    }),
  )
  app.post('/v1/oid4vci/credential', async (c) =>
    oauth(c, async () => {
      const token = /^(?:Bearer|DPoP) (.{1,512})$/i.exec(c.req.header('authorization') ?? '')?.[1]
      const grant = token === undefined ? undefined : state.tokens.get(hashOf(token))
      if (grant === undefined) throw new OAuthError('invalid_token', 'the access token is unknown or expired', 401)
      const request = await readParams(c.req.raw)
      const config = pickConfiguration(identity, grant, request)
      const proof = (request.proof ?? {}) as { proof_type?: unknown; jwt?: unknown }
      if (proof.proof_type !== 'jwt') throw new OAuthError('invalid_proof', 'a proof of type jwt is required')
      const holder = await checkProof({ jwt: proof.jwt, audience: base(c), nonce: grant.cNonce, now: identity.now() })
      // The clerk's claims (resident_of, corrections) win over the citizen's data read from the vault.
      const stored = await readRequestClaims({ vault, record: grant.vaultRecord })
      const claims = { ...stored, ...grant.claims }
      const credential = await issueForGrant({ identity, base: base(c), config, claims, ...holder })
      grant.issued.push(config.id)
      grant.cNonce = secret()
      c.header('Cache-Control', 'no-store')
      return { credential, format: config.format, c_nonce: grant.cNonce, c_nonce_expires_in: LIFETIMES.tokenMs / 1000 }
    }),
  )
  return app
}

// Finds the configuration the request asks for among those granted and not yet issued.
function pickConfiguration(identity: IdentityContext, grant: Grant, request: Record<string, unknown>) {
  const definition = request.credential_definition as { type?: unknown } | undefined
  const types = Array.isArray(definition?.type) ? definition.type : Array.isArray(request.types) ? request.types : []
  const config = identity.credentials.find(
    (c) =>
      grant.configurationIds.includes(c.id) &&
      !grant.issued.includes(c.id) &&
      (request.credential_identifier === c.id ||
        request.credential_configuration_id === c.id ||
        (request.format === c.format && (request.vct === c.type || types.includes(c.type)))),
  )
  if (config === undefined) {
    throw new OAuthError(
      'unsupported_credential_type',
      'the request names no credential this token grants (or it was issued)',
    )
  }
  return config
}

async function oauth(c: Context<AppEnv>, run: () => Promise<Record<string, unknown>>): Promise<Response> {
  try {
    return c.json(await run())
  } catch (error) {
    if (!(error instanceof OAuthError)) throw error
    const body: Record<string, unknown> = { error: error.error, error_description: error.description }
    return c.json(body, error.status as 400)
  }
}
