import { randomBytes } from 'node:crypto'
import { jwkFromDidKey, toBase64Url } from '@tabularium/core'
import { LIMITS, ProtocolError } from '@tabularium/protocol'
import type { Vault } from '@tabularium/vault'
import { type Context, Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../http/appEnv.js'
import { parseInput } from '../http/parseInput.js'
import { readJsonBody } from '../http/readJsonBody.js'
import type { IdentityContext } from '../identity/identityContext.js'
import {
  assertConfigurations,
  type CredentialRequest,
  createOffer,
  type IssuerState,
  offerJson,
  offerLinks,
} from '../identity/oid4vci/issuerState.js'
import { RESIDENCY_KIND, readRequestClaims, type VaultRecordRef } from '../identity/oid4vci/residencyVault.js'
import { verifySignedCommand } from '../identity/signedCommand.js'

/** Roles that may create offers and approve requests (signed commands). */
export const CLERK_ROLES = ['member', 'oid4vci:clerk'] as const

const Claims = z
  .record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/), z.json())
  .refine((c) => Object.keys(c).length <= 32)
const CreateOfferArgs = z.strictObject({
  configurationIds: z.array(z.string().max(128)).min(1).max(8),
  claims: Claims,
  txCode: z.boolean().default(true),
})
// One configuration, or several (a revocable JWT VC and a selectively disclosable SD-JWT VC of the same facts).
const RequestBody = z
  .strictObject({
    configurationId: z.string().max(128).optional(),
    configurationIds: z.array(z.string().max(128)).min(1).max(4).optional(),
    claims: Claims,
    /** The citizen's did:key: the claims are kept in the vault under it (issue 4, "who used my data"). */
    subject: z.string().startsWith('did:key:').max(2048).optional(),
  })
  .refine((b) => (b.configurationId === undefined) !== (b.configurationIds === undefined), {
    message: 'give configurationId or configurationIds',
  })
const ApproveArgs = z.strictObject({ id: z.string().max(64), claims: Claims.optional() })

/**
 * Credential offers and the clerk-approval queue (the residency use case):
 * a citizen asks for a credential; a clerk (role `member` or
 * `oid4vci:clerk`, by signed command) lists pending requests and approves
 * one, which creates a pre-authorised offer with a transaction code that
 * the clerk hands over in person; the citizen's wallet follows the offer link.
 *
 * @example app.route('/', oid4vciOfferRoutes({ identity, state }))
 */
export function oid4vciOfferRoutes({
  identity,
  state,
  vault,
}: {
  identity: IdentityContext
  state: IssuerState
  /** Where requests' personal data is kept (default: memory, as before the vault). */
  vault?: Vault | undefined
}): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const base = (c: Context<AppEnv>) => identity.baseUrl(c.req.url)
  const command = async (c: Context<AppEnv>, action: string) =>
    verifySignedCommand({
      body: await readJsonBody({ request: c.req.raw, maxBytes: LIMITS.maxTransactionBytes }),
      ledger: identity.ledger,
      action,
      roles: CLERK_ROLES,
      nonces: state.commandNonces,
    })
  const issue = (
    c: Context<AppEnv>,
    p: {
      configurationIds: string[]
      claims: Record<string, unknown>
      txCode: boolean
      vaultRecord?: VaultRecordRef
      authorizationCode?: boolean
    },
  ) => {
    identity.requireIssuer()
    assertConfigurations(p.configurationIds, identity.credentials)
    const { offer, txCode } = createOffer(state, { ...p, now: identity.now() })
    return {
      offerId: offer.id,
      ...offerLinks(offer, base(c)),
      txCode: txCode ?? null,
      offer: offerJson(offer, base(c)),
    }
  }

  app.post('/v1/oid4vci/offers', async (c) => {
    const { args } = await command(c, 'createOffer')
    return c.json(issue(c, parseInput({ schema: CreateOfferArgs, input: args, what: 'command args' })), 201)
  })
  app.get('/v1/oid4vci/offers/:id', (c) => {
    const offer = state.offers.get(c.req.param('id'))
    if (offer === undefined || offer.redeemed) throw new ProtocolError('NOT_FOUND', 'no such offer (or it was used)')
    return c.json(offerJson(offer, base(c)))
  })
  app.post('/v1/oid4vci/requests', async (c) => {
    const body = parseInput({
      schema: RequestBody,
      input: await readJsonBody({ request: c.req.raw, maxBytes: 64_000 }),
      what: 'body',
    })
    const configurationIds = [...new Set(body.configurationIds ?? [body.configurationId as string])]
    assertConfigurations(configurationIds, identity.credentials)
    const vaultRecord = await storeClaims(vault, body.subject, body.claims)
    const request: CredentialRequest = {
      id: toBase64Url(randomBytes(16)),
      configurationId: configurationIds[0] as string,
      configurationIds,
      claims: vaultRecord === undefined ? body.claims : {},
      ...(vaultRecord === undefined ? {} : { vaultRecord }),
      status: 'pending',
      created: identity.now().toISOString(),
      offerId: undefined,
      approvedBy: undefined,
    }
    state.requests.set(request.id, request)
    return c.json(publicView(request, undefined), 201)
  })
  // The request id is an unguessable capability: whoever made the request polls it.
  app.get('/v1/oid4vci/requests/:id', (c) => {
    const request = state.requests.get(c.req.param('id')) ?? notFound()
    const offer = request.offerId === undefined ? undefined : state.offers.get(request.offerId)
    return c.json(publicView(request, offer === undefined ? undefined : offerLinks(offer, base(c))))
  })
  app.post('/v1/oid4vci/requests/pending', async (c) => {
    await command(c, 'listPendingRequests')
    const items = state.requests.values().filter((r) => r.status === 'pending')
    // The clerk opens a request: its data is read from the vault once (a logged ledger event) and held until approval.
    for (const r of items) {
      if (r.vaultRecord !== undefined && Object.keys(r.claims).length === 0) {
        r.claims = await readRequestClaims({ vault, record: r.vaultRecord })
      }
    }
    return c.json({
      items: items.map(({ id, configurationId, configurationIds, claims, created }) => ({
        id,
        configurationId,
        configurationIds,
        claims,
        created,
      })),
    })
  })
  app.post('/v1/oid4vci/requests/:id/approve', async (c) => {
    const { signer, args } = await command(c, 'approveRequest')
    const approval = parseInput({ schema: ApproveArgs, input: args, what: 'command args' })
    const request = state.requests.get(c.req.param('id')) ?? notFound()
    if (approval.id !== request.id) throw new ProtocolError('INVALID_REQUEST', 'the command approves another request')
    if (request.status !== 'pending') throw new ProtocolError('CONFLICT', `the request is ${request.status}`)
    const claims = approval.claims ?? request.claims
    // Both flows: the pre-authorised code with the clerk's transaction code, or the
    // authorisation code flow (PKCE) whose `issuer_state` authenticates the holder.
    const offer = issue(c, {
      configurationIds: request.configurationIds,
      claims,
      txCode: true,
      authorizationCode: true,
      ...(request.vaultRecord === undefined ? {} : { vaultRecord: request.vaultRecord }),
    })
    Object.assign(request, { status: 'approved', offerId: offer.offerId, approvedBy: signer, claims: {} })
    return c.json({ request: publicView(request, undefined), ...offer })
  })
  return app
}

function publicView(request: CredentialRequest, links: { uri: string; link: string } | undefined) {
  const { id, configurationId, configurationIds, status, created } = request
  return { id, configurationId, configurationIds, status, created, offer: links ?? null }
}

// Keeps a request's personal data in the vault under the citizen's did:key (when the node has a vault).
async function storeClaims(
  vault: Vault | undefined,
  subject: string | undefined,
  claims: Record<string, unknown>,
): Promise<VaultRecordRef | undefined> {
  if (vault === undefined || subject === undefined) return undefined
  try {
    jwkFromDidKey(subject)
  } catch (cause) {
    throw new ProtocolError('INVALID_DID', 'subject is not a did:key', { cause })
  }
  const { id } = await vault.put({ subject, kind: RESIDENCY_KIND, data: claims })
  return { subject, id }
}

function notFound(): never {
  throw new ProtocolError('NOT_FOUND', 'no such credential request')
}
