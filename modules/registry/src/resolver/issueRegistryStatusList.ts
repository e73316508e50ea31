import type { Algorithm } from '@tabularium/core'
import {
  type CredentialSchema,
  createBitstring,
  issueStatusListCredential,
  type Signer,
  setBit,
} from '@tabularium/identity'
import type { StatusListRecord } from '../types.js'
import { type RegistryReader, tryQuery } from './registryReader.js'

/** Parameters of `issueRegistryStatusList`. */
export interface IssueRegistryStatusListParameters {
  ledger: RegistryReader
  issuer: string
  list: string
  /** The stable URL the list is served at; also the credential's id. */
  url: string
  credentialSchema: CredentialSchema
  sign: Signer
  kid: string
  alg?: Algorithm
  now: Date
  /** How long the signed list is valid (seconds, default 86400): verifiers refetch after. */
  ttl?: number
}

/**
 * Builds the status-list credential of a registry list from ledger state
 * (its set indexes), signed with the issuer's key: what the node serves at
 * the list's URL. Undefined when the list does not exist.
 *
 * @example const jwt = await issueRegistryStatusList({ ledger, issuer, list: 'revocation-1', url, credentialSchema, sign, kid, now })
 */
export async function issueRegistryStatusList(p: IssueRegistryStatusListParameters): Promise<string | undefined> {
  const record = tryQuery<StatusListRecord & { set: number[] }>(p.ledger, 'statusList', {
    issuer: p.issuer,
    list: p.list,
  })
  if (record === undefined) return undefined
  const bits = createBitstring({ length: record.size })
  for (const index of record.set) setBit(bits, index, true)
  return issueStatusListCredential({
    issuer: p.issuer,
    id: p.url,
    format: record.format,
    purpose: record.purpose,
    bits,
    credentialSchema: p.credentialSchema,
    validFrom: p.now,
    validUntil: new Date(p.now.getTime() + (p.ttl ?? 86_400) * 1000),
    sign: p.sign,
    kid: p.kid,
    ...(p.alg === undefined ? {} : { alg: p.alg }),
    now: p.now,
  })
}
