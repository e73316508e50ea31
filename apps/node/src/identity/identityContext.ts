import { createDidResolver, type VerifyCredentialParameters } from '@tabularium/identity'
import type { CommittedEvent, Ledger } from '@tabularium/ledger'
import {
  createRegistryIsAccredited,
  createRegistryResolver,
  createRegistrySchemas,
  issueRegistryStatusList,
} from '@tabularium/module-registry'
import { ProtocolError } from '@tabularium/protocol'
import { type CredentialConfiguration, DEFAULT_CREDENTIALS } from './credentialConfigurations.js'
import type { NodeIssuer } from './nodeIssuer.js'
import { submitSigned } from './submitSigned.js'

/** Identity options of `createApp`. */
export interface IdentityOptions {
  /** The key the node holds for its organisation's DID; without it the node verifies but never issues. */
  issuer?: NodeIssuer | undefined
  /** Public base URL (no trailing slash); default: the origin the request came to. */
  publicUrl?: string | (() => string | undefined) | undefined
  credentials?: readonly CredentialConfiguration[]
  now?: () => Date
}

/** What the identity routes share. */
export interface IdentityContext {
  ledger: Ledger
  issuer: NodeIssuer | undefined
  credentials: readonly CredentialConfiguration[]
  now: () => Date
  /** The public base URL, for a request URL. */
  baseUrl(requestUrl: string): string
  /** The verification world of `verifyCredential`: this ledger's registry, status lists served by this network. */
  verification(base: string): Omit<VerifyCredentialParameters, 'credential' | 'now'>
  statusListUrl(base: string, issuer: string, list: string): string
  accreditationUrl(base: string, id: string): string
  /** The signed status-list credential of one of this node's issuer's lists. */
  issueStatusList(base: string, issuer: string, list: string): Promise<string>
  /** Signs a registry transaction with the issuer key, submits it and answers its events. */
  submitAsIssuer(action: string, args: Record<string, unknown>): Promise<CommittedEvent[]>
  /** The issuer key, or ISSUER_NOT_CONFIGURED. */
  requireIssuer(): NodeIssuer
}

/** The status-list credentials' schema (EBSI's StatusList2021Credential schema in its trusted-schemas registry). */
export const STATUS_LIST_SCHEMA = {
  id: 'https://api-pilot.ebsi.eu/trusted-schemas-registry/v3/schemas/z3MgUFUkb722uq4x3dv5yAJmnNmzDFeK5UC8x83QoeLJM',
  type: 'FullJsonSchemaValidator2021',
}

/**
 * The shared state of the identity routes: the issuer key, URLs, and the
 * verification world over this ledger's registry.
 *
 * @example const identity = createIdentityContext({ ledger, options: { issuer } })
 */
export function createIdentityContext({
  ledger,
  options = {},
}: {
  ledger: Ledger
  options?: IdentityOptions
}): IdentityContext {
  const now = options.now ?? (() => new Date())
  const { issuer } = options
  const requireIssuer = (): NodeIssuer => {
    if (issuer === undefined) throw new ProtocolError('ISSUER_NOT_CONFIGURED', 'this node holds no issuer key')
    return issuer
  }
  const statusListUrl = (base: string, did: string, list: string) => `${base}/v1/registry/status-lists/${did}/${list}`
  const issueStatusList = async (base: string, did: string, list: string) => {
    const key = requireIssuer()
    if (did !== key.did)
      throw new ProtocolError('NOT_FOUND', "this node holds no key of that issuer; ask the issuer's node")
    const jwt = await issueRegistryStatusList({
      ledger,
      issuer: did,
      list,
      url: statusListUrl(base, did, list),
      credentialSchema: STATUS_LIST_SCHEMA,
      sign: key.sign,
      kid: key.kid,
      alg: key.alg,
      now: now(),
    })
    if (jwt === undefined)
      throw new ProtocolError('NOT_FOUND', 'no such status list', { details: { issuer: did, list } })
    return jwt
  }
  return {
    ledger,
    issuer,
    credentials: options.credentials ?? DEFAULT_CREDENTIALS,
    now,
    requireIssuer,
    baseUrl(requestUrl) {
      const configured = typeof options.publicUrl === 'function' ? options.publicUrl() : options.publicUrl
      return configured ?? new URL(requestUrl).origin
    },
    statusListUrl,
    accreditationUrl: (base, id) => `${base}/v1/registry/accreditations/${id}`,
    issueStatusList,
    verification: (base) => ({
      resolveDid: createDidResolver({ registry: createRegistryResolver(ledger) }),
      isAccredited: createRegistryIsAccredited(ledger, { now }),
      schemas: createRegistrySchemas(ledger),
      fetchStatusList: (url) => fetchList({ base, url, issueStatusList }),
    }),
    submitAsIssuer: (action, args) => {
      const key = requireIssuer()
      return submitSigned({
        ledger,
        privateJwk: key.privateJwk,
        signer: key.signerDid,
        module: 'registry',
        action,
        args,
      })
    },
  }
}

// Status lists of this node are built locally; no other URL is fetched by
// the server (no SSRF): a list of another organisation is STATUS_UNAVAILABLE.
async function fetchList(p: {
  base: string
  url: string
  issueStatusList: (base: string, issuer: string, list: string) => Promise<string>
}): Promise<string> {
  const prefix = `${p.base}/v1/registry/status-lists/`
  if (!p.url.startsWith(prefix)) throw new Error('status lists of other nodes are not fetched by the server')
  const [issuer, list, ...rest] = p.url.slice(prefix.length).split('/')
  if (issuer === undefined || list === undefined || rest.length > 0) throw new Error('not a status-list URL')
  return p.issueStatusList(p.base, issuer, list)
}
