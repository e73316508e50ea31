import { issueJwtVc } from '@tabularium/identity'
import { type Application, type Award, applicationKey, awardKey, verifyReadRequest } from '@tabularium/module-grants'
import { ProtocolError } from '@tabularium/protocol'
import { Hono } from 'hono'
import type { AppEnv } from '../http/appEnv.js'
import type { IdentityContext } from '../identity/identityContext.js'

/** The award credential's type and the id of its schema. */
export const GRANT_AWARD = {
  type: 'GrantAwardCredential',
  schema: 'https://schemas.tabularium.org/grant-award/v1.json',
} as const

/**
 * The award credential of a grant (issue 5): the applicant of an awarded
 * application asks with a signed request (`Authorization: Tabularium …`, as
 * for sealed content) and receives a W3C VC as JWT (EBSI profile) signed by
 * this node's issuer key, about the applicant's DID: call, organisation,
 * project, amount, cost period and award date, as the ledger holds them.
 * `termsOfUse` points at the issuer's accreditation when the registry
 * accredits it for `GrantAwardCredential`; without one, verifiers that
 * require accreditation will refuse it (ISSUER_NOT_ACCREDITED).
 *
 * @example app.route('/', awardCredentialRoutes({ identity }))
 */
export function awardCredentialRoutes({ identity }: { identity: IdentityContext }): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const { ledger } = identity
  const state = <T>(key: string) =>
    ledger.modules.has('grants') ? (ledger.state('grants', key) as T | undefined) : undefined
  app.post('/v1/grants/awards/:award/credential', async (c) => {
    const reader = verifyReadRequest({
      header: c.req.header('authorization'),
      path: c.req.path,
      now: identity.now().getTime(),
    })
    const award = state<Award>(awardKey(c.req.param('award')))
    if (award === undefined)
      throw new ProtocolError('NOT_FOUND', 'no such award', { details: { award: c.req.param('award') } })
    const application = state<Application>(applicationKey(award.call, award.application))
    if (application?.applicant !== reader)
      throw new ProtocolError('NOT_OWNER', 'only the applicant of the awarded application receives its credential')
    const issuer = identity.requireIssuer()
    const base = identity.baseUrl(c.req.url)
    const accreditation = accreditationOf(identity, issuer.did)
    const now = identity.now()
    const credential = await issueJwtVc({
      issuer: issuer.did,
      subject: reader,
      types: [GRANT_AWARD.type],
      claims: {
        award: award.id,
        call: award.call,
        organisation: award.organisation,
        project: award.project,
        amount: { value: award.amount / 100, currency: 'EUR' },
        costPeriod: award.costPeriod,
        awardedAt: award.awardedAt,
      },
      credentialSchema: { id: GRANT_AWARD.schema, type: 'FullJsonSchemaValidator2021' },
      ...(accreditation === undefined
        ? {}
        : { termsOfUse: { id: identity.accreditationUrl(base, accreditation), type: 'IssuanceCertificate' } }),
      validFrom: new Date(award.awardedAt),
      sign: issuer.sign,
      kid: issuer.kid,
      alg: issuer.alg,
      now,
    })
    return c.json({ award: award.id, credential }, 201)
  })
  return app
}

function accreditationOf(identity: IdentityContext, issuer: string): string | undefined {
  if (!identity.ledger.modules.has('registry')) return undefined
  try {
    const result = identity.ledger.query('registry', 'isAccredited', { issuer, type: GRANT_AWARD.type }) as {
      chain?: { id: string }[]
    }
    return result.chain?.[0]?.id
  } catch {
    return undefined
  }
}
