import type { CredentialStatus } from '../vc/types.js'
import type { StatusListFormat } from './encodedList.js'

/**
 * The `credentialStatus` entry that points a credential at its bit in a
 * status list.
 *
 * @example
 * createStatusEntry({ format: 'StatusList2021', statusListCredential: url, index: 42, purpose: 'revocation' })
 * // { id: `${url}#42`, type: 'StatusList2021Entry', statusPurpose: 'revocation', statusListIndex: '42', … }
 */
export function createStatusEntry(p: {
  format: StatusListFormat
  statusListCredential: string
  index: number
  purpose: 'revocation' | 'suspension'
}): CredentialStatus {
  return {
    id: `${p.statusListCredential}#${p.index}`,
    type: p.format === 'StatusList2021' ? 'StatusList2021Entry' : 'BitstringStatusListEntry',
    statusPurpose: p.purpose,
    statusListIndex: String(p.index),
    statusListCredential: p.statusListCredential,
  }
}
