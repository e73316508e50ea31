import type { NodeHealth } from './createHealth.js'
import type { NetworkMember } from './members.js'

/** How this node sees a member's node, from the cosignatures it published. */
export interface MemberView {
  id: string
  name: string
  url?: string
  /**
   * `self`: this node; `stopped`: it stopped writing (this node, or another that announced it);
   * `ok`: cosigning and agreeing; `silent`: nothing for a while; `diverged`: signed another root;
   * `unknown`: never heard of.
   */
  status: 'self' | 'stopped' | 'ok' | 'silent' | 'diverged' | 'unknown'
  /** The largest tree size it cosigned (this node's own size for `self`). */
  treeSize?: number
  /** When its last cosignatures arrived (RFC 3339). */
  seenAt?: string
  /** Where it signed another root than this node's. */
  divergedAt?: number
  /** Why it stopped writing, as it announced. */
  haltReason?: string
}

/** What this node remembers of a member's claims. */
export interface MemberRecord {
  treeSize: number
  seenAtMs: number
  divergedAt?: number
  halted?: string
}

/** After this long without cosignatures a member's node shows as silent. */
export const SILENT_AFTER_MS = 10_000

/**
 * The members' views for /v1/network/status and the portal.
 *
 * @example memberViews({ members, selfId, ownSize, health, records, now })
 */
export function memberViews(p: {
  members: readonly NetworkMember[]
  selfId: string | undefined
  ownSize: number
  health: NodeHealth
  records: ReadonlyMap<string, MemberRecord>
  now: number
}): MemberView[] {
  return p.members.map((m) => {
    const base = m.url === undefined ? { id: m.id, name: m.name } : { id: m.id, name: m.name, url: m.url }
    if (m.id === p.selfId)
      return { ...base, status: p.health.status === 'ok' ? 'self' : 'stopped', treeSize: p.ownSize }
    const record = p.records.get(m.id)
    if (record === undefined) return { ...base, status: 'unknown' }
    const seen = { treeSize: record.treeSize, seenAt: new Date(record.seenAtMs).toISOString() }
    if (record.halted !== undefined) return { ...base, ...seen, status: 'stopped', haltReason: record.halted }
    if (record.divergedAt !== undefined) return { ...base, ...seen, status: 'diverged', divergedAt: record.divergedAt }
    return { ...base, ...seen, status: p.now - record.seenAtMs > SILENT_AFTER_MS ? 'silent' : 'ok' }
  })
}
