import { join } from 'node:path'
import { generateKeyPair } from '@tabularium/core/node'
import type { Ledger } from '@tabularium/ledger'
import { bootstrapIssuer, ISSUER_KEY_FILE, nodeIssuerOf, readIssuerKey } from '@tabularium/node'
import type { Genesis } from '@tabularium/protocol'
import { formatJson, writeSecretFile } from './files.js'

/** Roles the sandbox issuer's did:key holds: it registers its DID, is its own Root TAO and issues. */
export const SANDBOX_ISSUER_ROLES = [
  'registry:registrant',
  'registry:root',
  'registry:issuer',
  'vault:reader',
  'ballots:issuer',
] as const

/**
 * Writes `issuer-key.json` (a fresh P-256 key for `did:tab:<name>`, mode
 * 0600) and answers the genesis with the registry roles that key and the
 * organisation's console key need: the issuer's did:key registers and
 * accredits itself on first start; the console key may revoke
 * (`registry:issuer`, and it is made a controller of the DID).
 *
 * @example const genesis = await createSandboxIssuer({ dir, genesis, name: 'organisation-1', consoleDid })
 */
export async function createSandboxIssuer(p: {
  dir: string
  genesis: Genesis
  name: string
  consoleDid: string
}): Promise<{ genesis: Genesis; did: string; path: string }> {
  const did = `did:tab:${p.name}`
  const issuer = nodeIssuerOf({
    did,
    kid: `${did}#key-1`,
    privateJwk: generateKeyPair({ algorithm: 'ES256' }).privateJwk,
  })
  const path = join(p.dir, ISSUER_KEY_FILE)
  await writeSecretFile({ path, data: formatJson({ did, kid: issuer.kid, privateJwk: issuer.privateJwk }) })
  const roles: Record<string, string[]> = { ...p.genesis.roles }
  for (const role of SANDBOX_ISSUER_ROLES) roles[role] = [...(roles[role] ?? []), issuer.signerDid]
  roles['registry:issuer'] = [...(roles['registry:issuer'] ?? []), p.consoleDid]
  return { genesis: { ...p.genesis, roles }, did, path }
}

/**
 * On a sandbox's first start: when the node holds an issuer key whose DID
 * is not registered yet and whose did:key may act as Root TAO, registers
 * the DID (the console keys of the genesis' `registry:issuer` holders as
 * co-controllers), accredits it for residency, registers the schemas and
 * creates the revocation list. Answers whether it did.
 *
 * @example await bootstrapSandboxIssuer({ ledger: node.ledger, dir })
 */
export async function bootstrapSandboxIssuer({ ledger, dir }: { ledger: Ledger; dir: string }): Promise<boolean> {
  const issuer = readIssuerKey({ dir })
  if (issuer === undefined) return false
  if (ledger.state('governance', `roles/registry:root/${issuer.signerDid}`) !== true) return false
  try {
    ledger.query('registry', 'resolve', { did: issuer.did })
    return false
  } catch {
    // DID_NOT_FOUND: the first start.
  }
  const controllers = (ledger.genesis.roles['registry:issuer'] ?? []).filter((d) => d !== issuer.signerDid)
  await bootstrapIssuer({ ledger, issuer, controllers })
  return true
}
