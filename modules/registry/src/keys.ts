import { sha256, toHex, utf8 } from '@tabularium/core'

/** The module's name. */
export const REGISTRY = 'registry'

/** Roles (granted by governance as `roles/<role>/<did>`). */
export const ROLES = {
  /** Registers organisation DIDs (members hold `member`, which also may). */
  registrant: 'registry:registrant',
  /** Creates root accreditations (Root TAO) — the network's trust anchor. */
  root: 'registry:root',
  /** Accredits others from its own accreditation (TAO). */
  tao: 'registry:tao',
  /** Manages status lists of its own DIDs (TI). */
  issuer: 'registry:issuer',
} as const

/** Bounds that keep each state value small and every loop finite. */
export const LIMITS = {
  methods: 20,
  services: 20,
  controllers: 10,
  versions: 1000,
  chainDepth: 8,
  credentialTypes: 20,
  accreditationsPerIssuer: 100,
  schemaBytes: 32 * 1024,
  statusListsPerIssuer: 100,
} as const

/** The DID method of organisations registered on a Tabularium ledger. */
export const DID_PREFIX = 'did:tab:'

const pad = (n: number) => String(n).padStart(6, '0')

/** State keys of the registry module. */
export const keys = {
  did: (did: string) => `dids/${did}`,
  version: (did: string, version: number) => `didVersions/${did}/${pad(version)}`,
  versions: (did: string) => `didVersions/${did}/`,
  accreditation: (id: string) => `accreditations/${id}`,
  issuerAccreditations: (did: string) => `issuerAccreditations/${did}/`,
  issuerAccreditation: (did: string, id: string) => `issuerAccreditations/${did}/${id}`,
  schema: (id: string) => `schemas/${toHex(sha256(utf8(id)))}`,
  statusList: (issuer: string, list: string) => `statusLists/${issuer}/${list}`,
  statusBits: (issuer: string, list: string) => `statusBits/${issuer}/${list}/`,
  statusBit: (issuer: string, list: string, index: number) =>
    `statusBits/${issuer}/${list}/${String(index).padStart(10, '0')}`,
}
