import { createStatusEntry, issueJwtVc } from '@tabularium/identity'
import { ProtocolError } from '@tabularium/protocol'
import type { IdentityContext } from './identityContext.js'

/** The legal-entity credential of grant applicants (issue 5): its JWT VC type and schema id. */
export const LEGAL_ENTITY = {
  type: 'LegalEntityCredential',
  schema: 'https://schemas.tabularium.org/legal-entity/v1.json',
  statusList: 'revocation-1',
} as const

/** JSON Schema of the legal-entity JWT VC (over the whole `vc` object) — registered under `LEGAL_ENTITY.schema`. */
export const LEGAL_ENTITY_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'Legal-entity credential',
  type: 'object',
  required: ['credentialSubject'],
  properties: {
    credentialSubject: {
      type: 'object',
      required: ['id', 'organisation', 'legalName'],
      properties: {
        id: { type: 'string' },
        organisation: { type: 'string', pattern: '^[A-Z0-9][A-Z0-9.-]{1,39}$' },
        legalName: { type: 'string', minLength: 1 },
      },
    },
  },
}

const DAY_MS = 86_400_000

/**
 * Issues a legal-entity credential (JWT VC, EBSI profile) with the node's
 * issuer key: subject = the organisation's DID, claims `organisation` (VAT,
 * LEI…) and `legalName`, `termsOfUse` → the issuer's accreditation for
 * `LegalEntityCredential`, a fresh index of its `revocation-1` list.
 * ISSUER_NOT_ACCREDITED when the registry does not accredit the node's issuer
 * for the type (`bootstrapIssuer` does in sandboxes). Returns the JWT and its status index.
 *
 * @example const { credential } = await issueLegalEntityCredential({ identity, base, subject, organisation: 'BE0123456789', legalName: 'Groen BV' })
 */
export async function issueLegalEntityCredential(p: {
  identity: IdentityContext
  base: string
  subject: string
  organisation: string
  legalName: string
  validityDays?: number
}): Promise<{ credential: string; statusIndex: number }> {
  const { identity } = p
  const issuer = identity.requireIssuer()
  const { ledger } = identity
  const accredited = ledger.query('registry', 'isAccredited', { issuer: issuer.did, type: LEGAL_ENTITY.type }) as {
    chain?: { id: string }[]
  }
  const accreditation = accredited.chain?.[0]?.id
  if (accreditation === undefined)
    throw new ProtocolError('ISSUER_NOT_ACCREDITED', 'the registry does not accredit this node’s issuer for the type', {
      details: { issuer: issuer.did, type: LEGAL_ENTITY.type },
    })
  const events = await identity.submitAsIssuer('allocateStatus', { issuer: issuer.did, list: LEGAL_ENTITY.statusList })
  const index = events.find((e) => e.type === 'statusAllocated')?.data.index
  if (typeof index !== 'number') throw new Error('allocateStatus answered no index')
  const { format } = ledger.query('registry', 'statusList', { issuer: issuer.did, list: LEGAL_ENTITY.statusList }) as {
    format: 'StatusList2021' | 'BitstringStatusList'
  }
  const now = identity.now()
  const credential = await issueJwtVc({
    issuer: issuer.did,
    subject: p.subject,
    types: [LEGAL_ENTITY.type],
    claims: { organisation: p.organisation, legalName: p.legalName },
    credentialSchema: { id: LEGAL_ENTITY.schema, type: 'FullJsonSchemaValidator2021' },
    termsOfUse: { id: identity.accreditationUrl(p.base, accreditation), type: 'IssuanceCertificate' },
    credentialStatus: createStatusEntry({
      format,
      statusListCredential: identity.statusListUrl(p.base, issuer.did, LEGAL_ENTITY.statusList),
      index,
      purpose: 'revocation',
    }),
    sign: issuer.sign,
    kid: issuer.kid,
    alg: issuer.alg,
    now,
    validFrom: now,
    validUntil: new Date(now.getTime() + (p.validityDays ?? 365) * DAY_MS),
  })
  return { credential, statusIndex: index }
}
