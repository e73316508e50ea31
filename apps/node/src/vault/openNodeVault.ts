import { join } from 'node:path'
import type { Ledger } from '@tabularium/ledger'
import { ProtocolError } from '@tabularium/protocol'
import { createVault, loadMasterKey, type Vault } from '@tabularium/vault'
import type { NodeIssuer } from '../identity/nodeIssuer.js'
import { submitSigned } from '../identity/submitSigned.js'

/** The vault's file in the data directory, beside `ledger.sqlite`. */
export const VAULT_FILE = 'vault.sqlite'

/**
 * Opens the node's personal-data vault (`<dataDir>/vault.sqlite`, master key
 * `vault-master.key` created 0600 on first use). Reads and erasures are
 * logged by `vault.logAccess` / `vault.logErasure` transactions signed with
 * the organisation's issuer key, so the ledger names the organisation; a
 * node without an issuer key cannot log, hence cannot read.
 *
 * @example const vault = openNodeVault({ dataDir, ledger, issuer })
 */
export function openNodeVault(p: { dataDir: string; ledger: Ledger; issuer: NodeIssuer | undefined }): Vault {
  const submit = async (action: string, args: Record<string, unknown>) => {
    if (p.issuer === undefined) throw new ProtocolError('ISSUER_NOT_CONFIGURED', 'this node holds no key to log reads')
    await submitSigned({
      ledger: p.ledger,
      privateJwk: p.issuer.privateJwk,
      signer: p.issuer.signerDid,
      module: 'vault',
      action,
      args,
    })
  }
  return createVault({
    path: join(p.dataDir, VAULT_FILE),
    masterKey: loadMasterKey({ dir: p.dataDir }),
    logAccess: (entry) => submit('logAccess', { ...entry }),
    logErasure: (entry) => submit('logErasure', { ...entry }),
  })
}
