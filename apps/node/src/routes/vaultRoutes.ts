import type { Ledger } from '@tabularium/ledger'
import { LIMITS } from '@tabularium/protocol'
import type { Vault } from '@tabularium/vault'
import { Hono } from 'hono'
import type { AppEnv } from '../http/appEnv.js'
import { readJsonBody } from '../http/readJsonBody.js'
import type { NodeIssuer } from '../identity/nodeIssuer.js'
import { verifySignedCommand } from '../identity/signedCommand.js'
import { createTtlStore } from '../identity/ttlStore.js'

/** The pseudo-module of the citizen's vault commands (signed, never submitted to the ledger). */
export const VAULT_COMMAND_MODULE = 'vault-citizen'

/** One read (or erasure) of the citizen's data, as the wallet shows it. */
export interface AccessLogItem {
  /** The ledger entry (sequence number) of the `vault.logAccess` transaction. */
  index: number
  txid: string
  time: string
  type: 'accessLogged' | 'erased'
  /** The member id of the organisation (or the reader's DID when it is not a member). */
  organisation: string
  purpose: string | null
  kind: string | null
  /** The organisation's did:tab when the reader signed with a DID's key this node knows (its own issuer key). */
  organisationDid?: string
}

/**
 * "Who used my data" (issue 4): `POST /v1/vault/access-log` with a signed
 * command `vault-citizen.accessLog` by the citizen's did:key (fresh nonce,
 * expiry ≤ 10 minutes) answers the vault reads logged on the ledger under
 * the citizen's pseudonym. The pseudonym is derived from the citizen's own
 * vault secret, so only the node (for the proven key holder) can link them.
 *
 * @example app.route('/', vaultRoutes({ ledger, vault }))
 */
export function vaultRoutes({
  ledger,
  vault,
  issuer,
}: {
  ledger: Ledger
  vault?: Vault | undefined
  /** This node's issuer key: its reads are logged under its did:key, shown as its did:tab. */
  issuer?: Pick<NodeIssuer, 'did' | 'signerDid'> | undefined
}): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const nonces = createTtlStore<true>({ ttlMs: 10 * 60_000, max: 100_000 })
  app.post('/v1/vault/access-log', async (c) => {
    const { signer } = verifySignedCommand({
      body: await readJsonBody({ request: c.req.raw, maxBytes: LIMITS.maxTransactionBytes }),
      ledger,
      action: 'accessLog',
      roles: 'anyone',
      nonces,
      module: VAULT_COMMAND_MODULE,
    })
    const pseudonym = vault?.pseudonymOf(signer)
    if (pseudonym === undefined) return c.json({ items: [] })
    const { items } = ledger.query('vault', 'accessLog', { subject: pseudonym, limit: 500 }) as {
      items: AccessLogItem[]
    }
    c.header('Cache-Control', 'no-store')
    const didOf = (organisation: string) =>
      issuer !== undefined && organisation === issuer.signerDid ? { organisationDid: issuer.did } : {}
    return c.json({
      items: items.map(({ index, txid, time, type, organisation, purpose, kind }) => ({
        index,
        txid,
        time,
        type,
        organisation,
        ...didOf(organisation),
        purpose,
        kind,
      })),
    })
  })
  return app
}
