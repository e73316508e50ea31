import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { didKeyFromJwk, sha256, toBase64Url, toHex, utf8 } from '@tabularium/core'
import { type VerifiedCredential, verifyCredential, verifyJwtVp } from '@tabularium/identity'
import { assessCredential, type CredentialEligibility, type Fund, voucherIdOf } from '@tabularium/module-vouchers'
import { ProtocolError } from '@tabularium/protocol'
import { type Context, Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../http/appEnv.js'
import { parseInput } from '../http/parseInput.js'
import { readJsonBody } from '../http/readJsonBody.js'
import type { IdentityContext } from '../identity/identityContext.js'
import { submitSigned } from '../identity/submitSigned.js'
import { createTtlStore } from '../identity/ttlStore.js'

/** A challenge handed to a wallet: the nonce its presentation must be bound to. */
interface Challenge {
  fund: string
  nonce: string
  expiresAt: string
}

const ApplicationBody = z.strictObject({
  nonce: z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'the nonce of a challenge from this endpoint'),
  // An SD-JWT VC presentation (with its key-binding JWT) or a JWT VP.
  presentation: z.string().min(20).max(64_000),
})

const CHALLENGE_TTL_MS = 10 * 60_000

/**
 * Applications to credential funds (`eligibility.kind = 'credential'`). The
 * wallet asks for a challenge, presents its credential bound to the
 * challenge's nonce and this endpoint as audience — an SD-JWT VC with a
 * key-binding JWT, or a JWT VP (the OpenID4VP `vp_token` forms) — and the
 * node verifies it (signature, validity, registry accreditation, schema,
 * status, holder binding), applies the fund's rule, and signs
 * `vouchers.issueVouchers` with its issuer key: one voucher for the
 * applicant's pseudonym in the fund, held by the key that made the
 * presentation (the wallet signs its QR codes with it). Only the pseudonym
 * and the presentation's SHA-256 reach the ledger.
 *
 * @example app.route('/', voucherApplicationRoutes({ identity, pseudonymKey }))
 */
export function voucherApplicationRoutes({
  identity,
  pseudonymKey,
}: {
  identity: IdentityContext
  /** The municipality's 32-byte pseudonym key (HMAC, see `pseudonymOf`). */
  pseudonymKey: Uint8Array
}): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const challenges = createTtlStore<Challenge>({ ttlMs: CHALLENGE_TTL_MS, max: 50_000 })
  const { ledger } = identity
  const audience = (c: Context<AppEnv>, fund: string) =>
    `${identity.baseUrl(c.req.url)}/v1/vouchers/funds/${fund}/applications`
  const credentialFund = (id: string): Fund => {
    const fund = ledger.modules.has('vouchers')
      ? (ledger.state('vouchers', `funds/${id}`) as Fund | undefined)
      : undefined
    if (fund === undefined) throw new ProtocolError('NOT_FOUND', 'no such fund', { details: { fund: id } })
    if (fund.eligibility.kind !== 'credential')
      throw new ProtocolError('CONFLICT', 'this fund does not take applications with a credential', {
        details: { fund: id, eligibility: fund.eligibility.kind },
      })
    return fund
  }

  app.get('/v1/vouchers/issuer', (c) => {
    const issuer = identity.issuer
    return c.json({ did: issuer?.did ?? null, signer: issuer?.signerDid ?? null })
  })
  app.post('/v1/vouchers/funds/:fund/applications/challenge', (c) => {
    const fund = credentialFund(c.req.param('fund'))
    const challenge: Challenge = {
      fund: fund.id,
      nonce: toBase64Url(randomBytes(16)),
      expiresAt: new Date(identity.now().getTime() + CHALLENGE_TTL_MS).toISOString(),
    }
    challenges.set(challenge.nonce, challenge)
    return c.json({ ...challenge, audience: audience(c, fund.id), accepts: fund.eligibility }, 201)
  })
  app.post('/v1/vouchers/funds/:fund/applications', async (c) => {
    const fund = credentialFund(c.req.param('fund'))
    const body = parseInput({
      schema: ApplicationBody,
      input: await readJsonBody({ request: c.req.raw, maxBytes: 70_000 }),
      what: 'body',
    })
    // Single use: a presentation seen once (even if refused) cannot be replayed.
    const challenge = challenges.get(body.nonce)
    challenges.delete(body.nonce)
    if (challenge?.fund !== fund.id)
      throw new ProtocolError('HOLDER_BINDING_INVALID', 'unknown, used or expired nonce: ask for a new challenge')
    const issuer = identity.requireIssuer()
    const presented = await verifyPresentation({
      identity,
      c,
      audience: audience(c, fund.id),
      nonce: body.nonce,
      presentation: body.presentation,
    })
    const eligibility = eligibilityOf({
      fund,
      presented,
      key: pseudonymKey,
      evidence: toHex(sha256(utf8(body.presentation))),
    })
    const voucher = voucherIdOf(fund.id, eligibility.beneficiary)
    const events = await submitSigned({
      ledger,
      privateJwk: issuer.privateJwk,
      signer: issuer.signerDid,
      module: 'vouchers',
      action: 'issueVouchers',
      args: {
        fund: fund.id,
        vouchers: [
          {
            beneficiary: eligibility.beneficiary,
            units: eligibility.units,
            holder: presented.holder,
            evidence: eligibility.evidence,
          },
        ],
      },
    }).catch((error: unknown) => {
      if (error instanceof ProtocolError && error.code === 'ALREADY_EXISTS')
        throw new ProtocolError('ALREADY_EXISTS', 'you have a voucher of this fund already', {
          details: { fund: fund.id, voucher },
        })
      throw error
    })
    const issued = events.find((e) => e.type === 'vouchersIssued')
    const [item] = (issued?.data.vouchers ?? []) as { id: string; value: number; expiresAt: string; holder: string }[]
    return c.json({ fund: fund.id, txid: issued?.txid ?? null, voucher: item ?? { id: voucher } }, 201)
  })
  return app
}

/** The verified credentials of a presentation and the holder key it proved. */
interface Presented {
  holder: string
  credentials: VerifiedCredential[]
}

async function verifyPresentation(p: {
  identity: IdentityContext
  c: Context<AppEnv>
  audience: string
  nonce: string
  presentation: string
}): Promise<Presented> {
  const world = { ...p.identity.verification(p.identity.baseUrl(p.c.req.url)), now: p.identity.now() }
  if (p.presentation.includes('~')) {
    const verified = await verifyCredential({
      ...world,
      credential: p.presentation,
      keyBinding: { audience: p.audience, nonce: p.nonce },
    })
    if (verified.holderJwk === undefined)
      throw new ProtocolError('HOLDER_BINDING_INVALID', 'the presentation carries no key-binding JWT')
    return { holder: didKeyFromJwk(verified.holderJwk), credentials: [verified] }
  }
  const { holder, credentials } = await verifyJwtVp({
    ...world,
    presentation: p.presentation,
    audience: p.audience,
    nonce: p.nonce,
  })
  if (!holder.startsWith('did:key:'))
    throw new ProtocolError(
      'HOLDER_BINDING_INVALID',
      'the holder must be a did:key: vouchers are bound to a wallet key',
    )
  return { holder, credentials }
}

// The first presented credential that meets the fund's rule; the reason of the last refusal otherwise.
function eligibilityOf(p: {
  fund: Fund
  presented: Presented
  key: Uint8Array
  evidence: string
}): CredentialEligibility {
  let refusal: unknown
  for (const verified of p.presented.credentials) {
    try {
      return assessCredential({ fund: p.fund, verified, key: p.key, evidence: p.evidence, holder: p.presented.holder })
    } catch (error) {
      refusal = error
    }
  }
  throw refusal ?? new ProtocolError('NOT_ELIGIBLE', 'the presentation holds no credential')
}

/**
 * The node's pseudonym key for credential funds: `<dataDir>/vouchers-pseudonym.key`,
 * 32 random bytes made on first use (mode 0600). Losing it would let a
 * resident apply twice, so it is kept with the ledger and backed up with it.
 *
 * @example createApp({ …, funding: { pseudonymKey: openPseudonymKey(config.dataDir) } })
 */
export function openPseudonymKey(dataDir: string): Uint8Array {
  const file = join(dataDir, 'vouchers-pseudonym.key')
  if (!existsSync(file)) writeFileSync(file, randomBytes(32), { mode: 0o600, flag: 'wx' })
  return new Uint8Array(readFileSync(file))
}
