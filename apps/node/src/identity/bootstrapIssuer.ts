import type { Ledger } from '@tabularium/ledger'
import { RESIDENCY, RESIDENCY_JWT_SCHEMA, RESIDENCY_SD_JWT_SCHEMA } from './credentialConfigurations.js'
import { LEGAL_ENTITY, LEGAL_ENTITY_SCHEMA } from './legalEntity.js'
import type { NodeIssuer } from './nodeIssuer.js'
import { submitSigned } from './submitSigned.js'

/**
 * Puts a sandbox issuer on the ledger with its own key: registers its
 * `did:tab` document (the issuer key as `assertionMethod`), makes it a Root
 * TAO and accredits it as TI for residency (JWT VC type and SD-JWT `vct`)
 * and for grant applicants' `LegalEntityCredential`, registers their schemas and creates the `revocation-1` list. The
 * key's did:key needs `registry:registrant` (or `member`), `registry:root`
 * and `registry:issuer`. For sandboxes and tests; a real network splits
 * these roles between organisations.
 *
 * @example await bootstrapIssuer({ ledger, issuer })
 */
export async function bootstrapIssuer({
  ledger,
  issuer,
  controllers = [],
}: {
  ledger: Ledger
  issuer: NodeIssuer
  /** More did:keys that may change the DID and its status lists (e.g. the organisation's console key). */
  controllers?: readonly string[]
}): Promise<{ accreditation: string }> {
  const send = (action: string, args: Record<string, unknown>) =>
    submitSigned({ ledger, privateJwk: issuer.privateJwk, signer: issuer.signerDid, module: 'registry', action, args })
  const fragment = issuer.kid.slice(issuer.did.length + 1)
  const types = [RESIDENCY.type, RESIDENCY.vct, LEGAL_ENTITY.type]
  await send('registerDid', {
    did: issuer.did,
    methods: [{ id: fragment, publicKeyJwk: issuer.publicJwk, relationships: ['authentication', 'assertionMethod'] }],
    ...(controllers.length === 0 ? {} : { controllers: [issuer.signerDid, ...controllers] }),
  })
  const root = await send('accredit', { subject: issuer.did, kind: 'RootTAO', credentialTypes: types })
  const parent = root[0]?.data.id as string
  const ti = await send('accredit', { subject: issuer.did, kind: 'TI', credentialTypes: types, parent })
  await send('registerSchema', { id: RESIDENCY.schema, schema: RESIDENCY_JWT_SCHEMA })
  await send('registerSchema', { id: RESIDENCY.vct, schema: RESIDENCY_SD_JWT_SCHEMA })
  await send('registerSchema', { id: LEGAL_ENTITY.schema, schema: LEGAL_ENTITY_SCHEMA })
  await send('createStatusList', { issuer: issuer.did, list: 'revocation-1', purpose: 'revocation' })
  return { accreditation: ti[0]?.data.id as string }
}
