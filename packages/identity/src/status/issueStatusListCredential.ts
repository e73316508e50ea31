import type { Algorithm } from '@tabularium/core'
import type { Signer } from '../jwt/signer.js'
import { issueJwtVc } from '../vc/issueJwtVc.js'
import type { CredentialSchema } from '../vc/types.js'
import { encodeStatusList, type StatusListFormat } from './encodedList.js'

/** Parameters of `issueStatusListCredential`. */
export interface IssueStatusListCredentialParameters {
  issuer: string
  /** URL where the list is served; also the credential id. */
  id: string
  format: StatusListFormat
  purpose: 'revocation' | 'suspension'
  bits: Uint8Array
  credentialSchema: CredentialSchema | CredentialSchema[]
  validFrom: Date
  validUntil?: Date
  sign: Signer
  kid: string
  alg?: Algorithm
  now: Date
}

/**
 * Issues a status-list credential as a JWT VC: a `StatusList2021Credential`
 * (EBSI profile) or a `BitstringStatusListCredential`, whose subject carries
 * the encoded list. The node serves it at `id`.
 *
 * @example
 * const list = await issueStatusListCredential({ issuer, id: url, format: 'StatusList2021', purpose: 'revocation',
 *   bits, credentialSchema, validFrom: now, sign, kid, now })
 */
export async function issueStatusListCredential(p: IssueStatusListCredentialParameters): Promise<string> {
  const subjectType = p.format === 'StatusList2021' ? 'StatusList2021' : 'BitstringStatusList'
  return issueJwtVc({
    issuer: p.issuer,
    // EBSI: the subject is the list itself, `<url>#list`, and `sub` says so.
    subject: `${p.id}#list`,
    types: [`${p.format}Credential`],
    claims: {
      type: subjectType,
      statusPurpose: p.purpose,
      encodedList: encodeStatusList({ bits: p.bits, format: p.format }),
    },
    credentialSchema: p.credentialSchema,
    validFrom: p.validFrom,
    ...(p.validUntil === undefined ? {} : { validUntil: p.validUntil }),
    sign: p.sign,
    kid: p.kid,
    ...(p.alg === undefined ? {} : { alg: p.alg }),
    now: p.now,
    id: p.id,
  })
}
