import type { Json } from '@tabularium/ledger'

/** A verification method as stored (JsonWebKey2020, EBSI style). */
export interface StoredMethod {
  [key: string]: Json
  id: string
  type: 'JsonWebKey2020'
  controller: string
  publicKeyJwk: { [key: string]: Json }
}

/** A service endpoint of a DID document. */
export interface StoredService {
  [key: string]: Json
  id: string
  type: string
  serviceEndpoint: string
}

/** A DID document as the registry stores and serves it (W3C DID Core). */
export interface StoredDocument {
  [key: string]: Json
  '@context': string[]
  id: string
  controller: string[]
  verificationMethod: StoredMethod[]
  authentication: string[]
  assertionMethod: string[]
  capabilityInvocation: string[]
  service: StoredService[]
}

/** `dids/<did>`: the current record of a registered DID. */
export interface DidRecord {
  [key: string]: Json
  did: string
  /** Member id of the registrant's organisation, or null. */
  organisation: string | null
  created: string
  updated: string
  deactivated: string | null
  version: number
  document: StoredDocument
}

/** `didVersions/<did>/<n>`: one version of the document, valid from its entry's time. */
export interface DidVersion {
  [key: string]: Json
  version: number
  validFrom: string
  txid: string
  deactivated: boolean
  document: StoredDocument
}

/** Kind of an accreditation, as in EBSI's trusted-issuers registry. */
export type AccreditationKind = 'RootTAO' | 'TAO' | 'TI'

/** `accreditations/<id>`: one entry of the trusted-issuers registry. */
export interface Accreditation {
  [key: string]: Json
  id: string
  subject: string
  kind: AccreditationKind
  credentialTypes: string[]
  /** The accreditation this one derives from (null for a Root TAO). */
  parent: string | null
  /** DID of the accreditor organisation (the parent's subject; null for a Root TAO). */
  accreditor: string | null
  signer: string
  txid: string
  validFrom: string
  validUntil: string | null
  revoked: null | { time: string; signer: string; reason: string; txid: string }
}

/** `statusLists/<issuer>/<list>`: a status list of an issuer. */
export interface StatusListRecord {
  [key: string]: Json
  issuer: string
  list: string
  purpose: 'revocation' | 'suspension'
  format: 'StatusList2021' | 'BitstringStatusList'
  size: number
  /** Next index to allocate; indexes below it are in use. */
  allocated: number
  created: string
  updated: string
}

/** `schemas/<sha256(id)>`: a registered credential schema. */
export interface SchemaRecord {
  [key: string]: Json
  id: string
  /** Hex SHA-256 of the schema's JCS. */
  hash: string
  schema: { [key: string]: Json }
  registrant: string
  time: string
  txid: string
}
