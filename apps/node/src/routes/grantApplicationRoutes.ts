import { sha256, toHex, utf8 } from '@tabularium/core'
import { verifyCredential } from '@tabularium/identity'
import { ProtocolError, SignedTransactionSchema } from '@tabularium/protocol'
import { type Context, Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../http/appEnv.js'
import { parseInput } from '../http/parseInput.js'
import { readJsonBody } from '../http/readJsonBody.js'
import type { IdentityContext } from '../identity/identityContext.js'
import { issueLegalEntityCredential, LEGAL_ENTITY } from '../identity/legalEntity.js'
import { verifySignedCommand } from '../identity/signedCommand.js'
import { createTtlStore } from '../identity/ttlStore.js'

const ApplicationBody = z.strictObject({
  /** The applicant's signed `grants.apply` transaction (its args name the credential's hash and issuer). */
  transaction: SignedTransactionSchema,
  /** The legal-entity credential: a JWT VC whose subject is the transaction's signer. */
  credential: z.string().min(20).max(16_000),
})
const IssueArgs = z.strictObject({
  subject: z.string().regex(/^did:[a-z0-9]+:[A-Za-z0-9._:%-]{1,400}$/, 'expected a DID'),
  organisation: z.string().regex(/^[A-Z0-9][A-Z0-9.-]{1,39}$/, 'expected a legal-entity id in capitals'),
  legalName: z.string().trim().min(1).max(200),
})

/** Who may have the node issue a legal-entity credential (sandbox registrar). */
export const LEGAL_ENTITY_REGISTRAR_ROLES = ['member', 'grants:registrar'] as const

/**
 * Grant applications with a verified legal-entity credential (issue 5). The
 * applicant signs `grants.apply` (with `legalEntity: { credential: sha256(jwt), issuer }`)
 * and posts it with the credential; the node verifies the credential
 * (signature, validity, issuer accredited for `LegalEntityCredential` in the
 * registry, schema, revocation status), that its subject is the signer and
 * its `organisation` the applying organisation, and only then submits the
 * transaction. `POST /v1/transactions` refuses `grants.apply`, so every
 * application the node orders went through this check.
 *
 * `POST /v1/grants/legal-entity-credentials` (sandbox registrar, signed
 * command `grants.issueLegalEntityCredential` by a `member` or
 * `grants:registrar`) issues such a credential with the node's issuer key.
 *
 * @example app.route('/', grantApplicationRoutes({ identity }))
 */
export function grantApplicationRoutes({ identity }: { identity: IdentityContext }): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const nonces = createTtlStore<true>({ ttlMs: 10 * 60_000, max: 100_000 })
  const { ledger } = identity
  const base = (c: Context<AppEnv>) => identity.baseUrl(c.req.url)

  app.post('/v1/grants/legal-entity-credentials', async (c) => {
    const { args } = verifySignedCommand({
      body: await readJsonBody({ request: c.req.raw, maxBytes: 16_000 }),
      ledger,
      action: 'issueLegalEntityCredential',
      roles: LEGAL_ENTITY_REGISTRAR_ROLES,
      nonces,
      module: 'grants',
    })
    const claims = parseInput({ schema: IssueArgs, input: args, what: 'command args' })
    const { credential } = await issueLegalEntityCredential({ identity, base: base(c), ...claims })
    return c.json({ credential, sha256: toHex(sha256(utf8(credential))) }, 201)
  })

  app.post('/v1/grants/calls/:call/applications', async (c) => {
    const body = parseInput({
      schema: ApplicationBody,
      input: await readJsonBody({ request: c.req.raw, maxBytes: 48_000 }),
      what: 'body',
    })
    const { tx } = body.transaction
    const args = tx.args as {
      call?: unknown
      organisation?: unknown
      legalEntity?: { credential?: unknown; issuer?: unknown }
    }
    if (tx.module !== 'grants' || tx.action !== 'apply' || args.call !== c.req.param('call'))
      throw new ProtocolError(
        'INVALID_REQUEST',
        `expected a signed grants.apply transaction for call ${c.req.param('call')}`,
      )
    const verified = await verifyCredential({
      ...identity.verification(base(c)),
      credential: body.credential,
      // Rounded up to the second: the status list this node signs during the check has `nbf` = its own (floored) second.
      now: new Date(Math.ceil(identity.now().getTime() / 1000) * 1000),
    })
    if (verified.format !== 'jwt_vc' || !verified.types.includes(LEGAL_ENTITY.type))
      throw new ProtocolError('CREDENTIAL_MALFORMED', `expected a ${LEGAL_ENTITY.type} JWT VC`, {
        details: { types: verified.types },
      })
    if (verified.subject !== tx.signer)
      throw new ProtocolError('HOLDER_BINDING_INVALID', 'the credential is about someone else than the applicant', {
        details: { subject: verified.subject ?? null, signer: tx.signer },
      })
    if (verified.claims.organisation !== args.organisation)
      throw new ProtocolError('HOLDER_BINDING_INVALID', 'the credential is about another organisation', {
        details: { credential: verified.claims.organisation ?? null, application: args.organisation ?? null },
      })
    const legalEntity = { credential: toHex(sha256(utf8(body.credential))), issuer: verified.issuer }
    if (args.legalEntity?.credential !== legalEntity.credential || args.legalEntity?.issuer !== legalEntity.issuer)
      throw new ProtocolError('INVALID_ARGS', 'legalEntity must be the SHA-256 of the credential and its issuer', {
        details: { expected: legalEntity },
      })
    const [result] = await ledger.submit([body.transaction], { receipts: true })
    if (result === undefined || !result.ok) {
      const error = result?.ok === false ? result.error : { code: 'INTERNAL', message: 'no result' }
      throw new ProtocolError(error.code as 'INTERNAL', error.message, {
        ...(error.details === undefined ? {} : { details: error.details }),
      })
    }
    if (result.outcome.status !== 'accepted')
      throw new ProtocolError(result.outcome.code as 'INTERNAL', result.outcome.message)
    return c.json({ call: args.call, txid: result.txid, index: result.index, legalEntity }, 201)
  })
  return app
}
