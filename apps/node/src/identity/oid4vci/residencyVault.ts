import type { Vault } from '@tabularium/vault'

/** Why the node reads a citizen's request data (shown to the citizen in "who used my data"). */
export const RESIDENCY_PURPOSE = 'residency credential issuance'
/** The vault record kind of a credential request's personal data. */
export const RESIDENCY_KIND = 'residency'

/** Where a request's personal data sits in the vault. */
export interface VaultRecordRef {
  subject: string
  id: string
}

/**
 * The claims kept in the vault for a request, read for the residency
 * purpose; the read is logged on the ledger first (`vault.logAccess`), so
 * every use by the organisation is an event the citizen can see.
 *
 * @example const claims = await readRequestClaims({ vault, record })
 */
export async function readRequestClaims(p: {
  vault: Vault | undefined
  record: VaultRecordRef | undefined
}): Promise<Record<string, unknown>> {
  if (p.vault === undefined || p.record === undefined) return {}
  const stored = await p.vault.read({ ...p.record, purpose: RESIDENCY_PURPOSE })
  return stored.data as Record<string, unknown>
}
