import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  type Algorithm,
  algorithmOf,
  didKeyFromJwk,
  type PrivateJwk,
  type PublicJwk,
  publicJwkOf,
} from '@tabularium/core'
import { signBytes } from '@tabularium/core/node'
import type { Signer } from '@tabularium/identity'
import { z } from 'zod'
import { NodeError } from '../errors.js'

/** The file in the data directory that holds the node's issuer key (optional). */
export const ISSUER_KEY_FILE = 'issuer-key.json'

/**
 * The key the node holds for its own organisation's DID (`did:tab:<name>`):
 * it signs credentials and status lists (JWS, `kid` = a key of the DID
 * document) and, as the did:key of the same public key, the registry
 * transactions the node makes as issuer (status allocation, revocation).
 * Both uses are domain-separated: transactions sign
 * `"tabularium/transaction/v1\n" ‖ JCS(tx)`, JWS sign `header.payload`.
 */
export interface NodeIssuer {
  did: string
  kid: string
  alg: Algorithm
  publicJwk: PublicJwk
  privateJwk: PrivateJwk
  /** did:key of the same key: the controller and transaction signer. */
  signerDid: string
  sign: Signer
}

const IssuerKeySchema = z.strictObject({
  did: z.string().regex(/^did:tab:[a-z0-9][a-z0-9-]{1,63}$/),
  kid: z.string().min(1).max(600),
  privateJwk: z.record(z.string(), z.string()),
})

/**
 * A `NodeIssuer` from its DID, key id and private JWK.
 *
 * @example const issuer = nodeIssuerOf({ did: 'did:tab:zug', kid: 'did:tab:zug#key-1', privateJwk })
 */
export function nodeIssuerOf(p: { did: string; kid: string; privateJwk: PrivateJwk }): NodeIssuer {
  const publicJwk = publicJwkOf(p.privateJwk)
  return {
    did: p.did,
    kid: p.kid,
    alg: algorithmOf(publicJwk),
    publicJwk,
    privateJwk: p.privateJwk,
    signerDid: didKeyFromJwk(publicJwk),
    sign: (data) => signBytes({ privateJwk: p.privateJwk, data }),
  }
}

/**
 * Reads `<dir>/issuer-key.json` (`{ did, kid, privateJwk }`), or undefined
 * when the node issues nothing. INVALID_DATA_DIR when present but invalid.
 *
 * @example const issuer = readIssuerKey({ dir: config.dataDir })
 */
export function readIssuerKey({ dir }: { dir: string }): NodeIssuer | undefined {
  const file = join(dir, ISSUER_KEY_FILE)
  if (!existsSync(file)) return undefined
  try {
    const parsed = IssuerKeySchema.parse(JSON.parse(readFileSync(file, 'utf8')))
    if (!parsed.kid.startsWith(`${parsed.did}#`)) throw new Error('kid must be a DID URL of did')
    return nodeIssuerOf({ ...parsed, privateJwk: parsed.privateJwk as unknown as PrivateJwk })
  } catch (cause) {
    throw new NodeError('INVALID_DATA_DIR', `${file} is invalid`, { cause, details: { file } })
  }
}
