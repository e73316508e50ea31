import { useEffect, useState } from 'preact/hooks'
import { getNetwork } from '../api/client.js'
import type { NetworkInfo } from '../api/types.js'
import { DataList, Hash } from '../components/ui.js'
import { formatDate } from '../i18n/index.js'
import { memberName, memberNameById } from '../portal/members.js'
import { resolveDidDocument } from './api.js'
import type { CredentialState } from './checkStatus.js'
import type { CredentialView } from './credentialView.js'
import { type IdentityKey, ti } from './i18n/ti.js'

const CLAIM_LABELS: Record<string, IdentityKey> = {
  resident_of: 'claim.resident_of',
  given_name: 'claim.given_name',
  family_name: 'claim.family_name',
  birthdate: 'claim.birthdate',
  age_over_16: 'claim.age_over_16',
  age_over_18: 'claim.age_over_18',
}

/** A claim's name for people ("Resident of"), or its own name when unknown. */
export function claimLabel(name: string): string {
  const key = CLAIM_LABELS[name]
  return key ? ti(key) : name
}

/** A claim's value for people: yes/no, dates in the active language, text as is. */
export function claimValue(name: string, value: unknown): string {
  if (typeof value === 'boolean') return value ? ti('common.yes') : ti('common.no')
  if (name === 'birthdate' && typeof value === 'string') return formatDate(value)
  if (value === null || value === undefined) return '—'
  return typeof value === 'object' ? JSON.stringify(value) : String(value)
}

/** A credential type's name for people ("Residency certificate"). */
export function typeName(type: string): string {
  if (type === 'ResidencyCredential' || type.includes('/residency/')) return ti('type.residency')
  const last = type.split(/[/#:]/).filter(Boolean).at(-1) ?? type
  return last
}

/** Claims as term → value rows. */
export function ClaimList({ claims }: { claims: [string, unknown][] }) {
  return <DataList items={claims.map(([name, value]) => [claimLabel(name), claimValue(name, value)] as const)} />
}

const STATE_BADGE: Record<CredentialState, ['ok' | 'error' | 'info', IdentityKey]> = {
  valid: ['ok', 'state.valid'],
  revoked: ['error', 'state.revoked'],
  suspended: ['error', 'state.suspended'],
  expired: ['error', 'state.expired'],
  notYetValid: ['info', 'state.notYetValid'],
  unknown: ['info', 'state.unknown'],
}

/** A credential's live state as a badge (text, not colour alone). */
export function StateBadge({ state }: { state: CredentialState | undefined }) {
  if (state === undefined) return <span class="tab-badge tab-badge--info">{ti('state.checking')}</span>
  const [tone, key] = STATE_BADGE[state]
  return <span class={`utrecht-status-badge tab-badge tab-badge--${tone}`}>{ti(key)}</span>
}

/** An issuer's name: the member organisation that registered or controls its DID, else the DID. */
export function IssuerName({ did }: { did: string }) {
  const [name, setName] = useState<string | undefined>(undefined)
  useEffect(() => {
    let live = true
    Promise.all([resolveDidDocument(did), getNetwork()]).then(
      ([resolution, network]: [Awaited<ReturnType<typeof resolveDidDocument>>, NetworkInfo]) => {
        // The member that registered it, else a member among its controllers.
        const byController = (resolution.didDocument?.controller ?? [])
          .map((c) => memberName(c, network))
          .find((n) => n !== undefined)
        if (live) setName(memberNameById(resolution.didDocumentMetadata.organisation, network) ?? byController)
      },
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [did])
  return name ? <span title={did}>{name}</span> : <Hash value={did} />
}

/** The validity line of a credential ("Valid until 23 Nov 2027"). */
export function validityText(view: CredentialView): string {
  if (view.validUntil) return ti('credential.validUntil', { date: formatDate(view.validUntil) })
  return ti('credential.noExpiry')
}
