import { checkCredentialStatus, createDidResolver, type DidDocument } from '@tabularium/identity'
import { ApiError, getJson } from '../api/client.js'
import type { CredentialView } from './credentialView.js'

/** A credential's state, as the wallet and console show it. */
export type CredentialState = 'valid' | 'revoked' | 'suspended' | 'expired' | 'notYetValid' | 'unknown'

// did:tab documents come from this node's registry; did:key is resolved locally.
const resolveDid = createDidResolver({
  registry: async (did, { at }) => {
    try {
      const query = at ? `?at=${encodeURIComponent(at.toISOString())}` : ''
      const result = await getJson<{ didDocument: DidDocument | null }>(
        `/v1/registry/dids/${encodeURIComponent(did)}${query}`,
      )
      return result.didDocument ?? undefined
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return undefined
      throw error
    }
  },
})

// Status lists are fetched only from this node (same origin): the wallet never calls a URL a credential names elsewhere.
async function fetchStatusList(url: string): Promise<string> {
  const target = new URL(url, location.href)
  if (target.origin !== location.origin) throw new Error('status lists are fetched from this node only')
  const response = await fetch(target.pathname)
  if (!response.ok) throw new Error(`HTTP ${response.status}`)
  return response.text()
}

/**
 * The live state of a credential: its validity window, then — when it names
 * a status list — the bit in the issuer-signed list (signature checked
 * against the issuer's DID document).
 *
 * @example const state = await checkStatus(viewCredential(jwt))
 */
export async function checkStatus(view: CredentialView): Promise<CredentialState> {
  const before = Date.now()
  if (view.validUntil !== undefined && Date.parse(view.validUntil) < before) return 'expired'
  if (view.validFrom !== undefined && Date.parse(view.validFrom) > before + 60_000) return 'notYetValid'
  if (view.status === undefined || view.format === 'vc+sd-jwt') return 'valid'
  try {
    // The list is fetched before the check's time is taken: a list the node signed
    // "now" must not be judged from a moment before it was signed.
    const url = (view.status as { statusListCredential?: unknown }).statusListCredential
    const list = await fetchStatusList(String(url))
    const now = new Date()
    await checkCredentialStatus({
      entry: view.status,
      issuer: view.issuer,
      fetchStatusList: async () => list,
      resolveDid,
      now,
    })
    return 'valid'
  } catch (error) {
    const code = (error as { code?: string }).code
    return code === 'REVOKED' ? 'revoked' : code === 'SUSPENDED' ? 'suspended' : 'unknown'
  }
}
