import { fromBase64Url } from '@tabularium/core'
import type { Ledger } from '@tabularium/ledger'
import type { BallotRecord, PetitionRecord } from '@tabularium/module-ballots/client'
import { ProtocolError } from '@tabularium/protocol'
import { signBlindedFast } from '@tabularium/voting/node'
import { type Context, Hono } from 'hono'
import { z } from 'zod'
import { type CensusProof, checkCensus, tokenRequestNonce } from '../ballots/checkCensus.js'
import { createTokenKeyStore, type TokenKeyStore } from '../ballots/tokenKeyStore.js'
import type { AppEnv } from '../http/appEnv.js'
import { parseInput } from '../http/parseInput.js'
import { readJsonBody } from '../http/readJsonBody.js'
import type { IdentityContext } from '../identity/identityContext.js'
import { verifySignedCommand } from '../identity/signedCommand.js'
import { submitSigned } from '../identity/submitSigned.js'
import { createTtlStore } from '../identity/ttlStore.js'

/** Options of the ballots routes. */
export interface BallotOptions {
  /** The blind-signing keys (default: in memory; startNode keeps them in `<dataDir>/ballot-keys/`). */
  tokenKeys?: TokenKeyStore
}

/** The pseudo-module of the desk's signed commands (never submitted to the ledger). */
export const DESK_COMMAND_MODULE = 'ballots-desk'
const ORGANISER_ROLES = ['ballots:organiser', 'member'] as const

const TokenBody = z.strictObject({
  blindedMessage: z.string().regex(/^[A-Za-z0-9_-]{100,1400}$/, 'expected the blinded message in base64url'),
  census: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('code'), code: z.string().min(4).max(64) }),
    z.strictObject({ kind: z.literal('credential'), presentation: z.string().min(20).max(16_000) }),
  ]),
})

/**
 * The token desk of the ballots module (issue 6): the organiser's console
 * asks the node for a ballot's blind-signing key (kept off the ledger), and
 * voters obtain their RFC 9474 token — census check by one-time code or by
 * an SD-JWT VC presentation, the issuance recorded by `ballots.issueToken`
 * signed with the node's issuer key, then the blind signature. The desk sees
 * only the blinded message; the wallet unblinds.
 *
 * @example app.route('/', ballotRoutes({ ledger, identity, options: { tokenKeys } }))
 */
export function ballotRoutes(p: { ledger: Ledger; identity: IdentityContext; options?: BallotOptions }): Hono<AppEnv> {
  const { ledger, identity } = p
  const app = new Hono<AppEnv>()
  const keys = p.options?.tokenKeys ?? createTokenKeyStore()
  const nonces = createTtlStore<true>({ ttlMs: 10 * 60_000, max: 10_000 })
  const audienceOf = (c: Context<AppEnv>, id: string) => `${identity.baseUrl(c.req.url)}/v1/ballots/${id}/tokens`

  app.post('/v1/ballots/:id/token-key', async (c) => {
    const id = c.req.param('id')
    const body = await readJsonBody({ request: c.req.raw, maxBytes: 16_000 })
    const { args } = verifySignedCommand({
      body,
      ledger,
      action: 'createTokenKey',
      roles: ORGANISER_ROLES,
      nonces,
      module: DESK_COMMAND_MODULE,
    })
    if (args.process !== id) throw new ProtocolError('INVALID_REQUEST', 'the command names another process')
    if (processOf(ledger, id) !== undefined)
      throw new ProtocolError('CONFLICT', `${id} exists already; its token key was fixed when it was created`)
    const existed = keys.get(id) !== undefined
    const stored = await keys.create(id)
    return c.json({ process: id, publicKey: stored.publicKey, audience: audienceOf(c, id) }, existed ? 200 : 201)
  })

  app.get('/v1/ballots/:id/token-key', (c) => {
    const id = c.req.param('id')
    const stored = keys.get(id)
    if (stored === undefined) throw new ProtocolError('NOT_FOUND', `this node holds no token key for ${id}`)
    return c.json({ process: id, publicKey: stored.publicKey, audience: audienceOf(c, id) })
  })

  app.post('/v1/ballots/:id/tokens', async (c) => {
    const id = c.req.param('id')
    const body = parseInput({
      schema: TokenBody,
      input: await readJsonBody({ request: c.req.raw, maxBytes: 32_000 }),
      what: 'body',
    })
    const record = processOf(ledger, id)
    if (record === undefined) throw new ProtocolError('NOT_FOUND', `no ballot or petition ${id}`)
    const stored = keys.get(id)
    if (stored === undefined || stored.publicKey.n !== record.issuerKey.n)
      throw new ProtocolError('NOT_FOUND', `this node does not issue the tokens of ${id}; ask its organiser's node`)
    // Checked before anything is recorded: a voter must not lose their one token to a malformed request.
    assertBlindedMessage(body.blindedMessage, stored.publicKey.n)
    const issuer = identity.requireIssuer()
    const member = await checkCensus({
      process: id,
      census: record.census,
      proof: body.census as CensusProof,
      identity,
      base: identity.baseUrl(c.req.url),
      audience: audienceOf(c, id),
      nonce: tokenRequestNonce(body.blindedMessage),
    })
    await submitSigned({
      ledger,
      privateJwk: issuer.privateJwk,
      signer: issuer.signerDid,
      module: 'ballots',
      action: 'issueToken',
      args: { process: id, member },
    })
    const blindSignature = signBlindedFast({ privateKey: stored.privateKey, blindedMessage: body.blindedMessage })
    return c.json({ process: id, blindSignature })
  })
  return app
}

function processOf(ledger: Ledger, id: string): BallotRecord | PetitionRecord | undefined {
  if (!ledger.modules.has('ballots')) return undefined
  const kind = ledger.state('ballots', `processes/${id}`)
  if (kind === undefined) return undefined
  return ledger.state('ballots', kind === 'ballot' ? `ballots/${id}` : `petitions/${id}`) as
    | BallotRecord
    | PetitionRecord
    | undefined
}

// RFC 9474 §4.3: the blinded message is an integer below n, of exactly the modulus' length.
function assertBlindedMessage(blinded: string, modulus: string): void {
  const m = fromBase64Url(blinded)
  const n = fromBase64Url(modulus)
  let below = false
  if (m.length === n.length) {
    for (let i = 0; i < n.length; i++) {
      if (m[i] !== n[i]) {
        below = (m[i] as number) < (n[i] as number)
        break
      }
    }
  }
  if (!below) throw new ProtocolError('INVALID_REQUEST', `blindedMessage must be ${n.length} bytes, below the modulus`)
}
