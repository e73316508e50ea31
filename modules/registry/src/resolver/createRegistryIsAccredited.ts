import type { IsAccredited } from '@tabularium/identity'
import { DID_PREFIX } from '../keys.js'
import { type RegistryReader, tryQuery } from './registryReader.js'

const MARKER = '/accreditations/'
const ID = /^[0-9a-f]{16}$/

/**
 * The accreditation a credential's `termsOfUse` names: an entry whose `id`
 * ends in `/accreditations/<16 hex>` (the node's URL of the entry, EBSI's
 * `IssuanceCertificate` pattern). Untrusted input: plain string search, a
 * fixed pattern, never a RegExp built from it.
 *
 * @example accreditationIdOf({ id: 'https://node/v1/registry/accreditations/a1b2c3d4e5f60718', type: 'IssuanceCertificate' })
 */
export function accreditationIdOf(termsOfUse: unknown): string | undefined {
  const entries = Array.isArray(termsOfUse) ? termsOfUse : [termsOfUse]
  for (const entry of entries.slice(0, 8)) {
    const id = (entry as { id?: unknown } | null)?.id
    if (typeof id !== 'string' || id.length > 2048) continue
    const at = id.lastIndexOf(MARKER)
    const candidate = at < 0 ? '' : id.slice(at + MARKER.length)
    if (ID.test(candidate)) return candidate
  }
  return undefined
}

/**
 * `isAccredited` for `verifyCredential`, over the registry's trusted-issuers
 * entries: the issuer must hold a TI accreditation for the type whose chain
 * up to a Root TAO holds at `now()` — the one `termsOfUse` names, when it
 * names one.
 *
 * @example verifyCredential({ …, isAccredited: createRegistryIsAccredited(ledger) })
 */
export function createRegistryIsAccredited(
  ledger: RegistryReader,
  { now = () => new Date() }: { now?: () => Date } = {},
): IsAccredited {
  return ({ issuer, type, termsOfUse }) => {
    if (!issuer.startsWith(DID_PREFIX)) return false
    const accreditation = accreditationIdOf(termsOfUse)
    const params: Record<string, string> = { issuer, type, at: now().toISOString() }
    if (accreditation !== undefined) params.accreditation = accreditation
    return tryQuery<{ accredited: boolean }>(ledger, 'isAccredited', params)?.accredited === true
  }
}
