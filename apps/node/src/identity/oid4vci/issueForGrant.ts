import type { PublicJwk } from '@tabularium/core'
import { createStatusEntry, issueJwtVc, issueSdJwtVc } from '@tabularium/identity'
import { ProtocolError } from '@tabularium/protocol'
import type { CredentialConfiguration } from '../credentialConfigurations.js'
import type { IdentityContext } from '../identityContext.js'

const DAY_MS = 86_400_000

/**
 * Issues the credential of one configuration to the proven holder: a JWT VC
 * in the EBSI profile (schema, `termsOfUse` → the issuer's accreditation
 * entry, a freshly allocated revocation index) or an SD-JWT VC bound to the
 * holder key. ISSUER_NOT_ACCREDITED when the registry does not accredit this
 * node's issuer for the type.
 *
 * @example const credential = await issueForGrant({ identity, base, config, claims, holderDid, holderJwk })
 */
export async function issueForGrant(p: {
  identity: IdentityContext
  base: string
  config: CredentialConfiguration
  claims: Record<string, unknown>
  holderDid: string
  holderJwk: PublicJwk
}): Promise<string> {
  const { identity, config } = p
  const issuer = identity.requireIssuer()
  const accreditation = accreditationOf(identity, issuer.did, config.type)
  const now = identity.now()
  const validUntil = new Date(now.getTime() + (config.validityDays ?? 365) * DAY_MS)
  const signing = { sign: issuer.sign, kid: issuer.kid, alg: issuer.alg, now, validFrom: now, validUntil }
  if (config.format === 'vc+sd-jwt') {
    return issueSdJwtVc({
      ...signing,
      issuer: issuer.did,
      vct: config.type,
      holderJwk: p.holderJwk,
      claims: p.claims,
      disclosable: (config.disclosable ?? []).filter((name) => name in p.claims),
    })
  }
  const status =
    config.statusList === undefined ? undefined : await allocate(identity, p.base, issuer.did, config.statusList)
  return issueJwtVc({
    ...signing,
    issuer: issuer.did,
    subject: p.holderDid,
    types: [config.type],
    claims: p.claims,
    credentialSchema: { id: config.schema, type: 'FullJsonSchemaValidator2021' },
    termsOfUse: { id: identity.accreditationUrl(p.base, accreditation), type: 'IssuanceCertificate' },
    ...(status === undefined ? {} : { credentialStatus: status }),
  })
}

function accreditationOf(identity: IdentityContext, issuer: string, type: string): string {
  const result = identity.ledger.query('registry', 'isAccredited', { issuer, type }) as { chain: { id: string }[] }
  const id = result.chain[0]?.id
  if (id === undefined) {
    throw new ProtocolError('ISSUER_NOT_ACCREDITED', 'the registry does not accredit this node’s issuer for the type', {
      details: { issuer, type },
    })
  }
  return id
}

async function allocate(identity: IdentityContext, base: string, issuer: string, list: string) {
  const events = await identity.submitAsIssuer('allocateStatus', { issuer, list })
  const index = events.find((e) => e.type === 'statusAllocated')?.data.index
  if (typeof index !== 'number') throw new Error('allocateStatus answered no index')
  const format = (
    identity.ledger.query('registry', 'statusList', { issuer, list }) as {
      format: 'StatusList2021' | 'BitstringStatusList'
    }
  ).format
  return createStatusEntry({
    format,
    statusListCredential: identity.statusListUrl(base, issuer, list),
    index,
    purpose: 'revocation',
  })
}
