import type { Genesis } from '@tabularium/protocol'
import type { Database } from 'better-sqlite3'
import { type MemberKeys, membersOf } from '../audit/membersOf.js'

/** A member organisation as the quorum counts it. */
export type NetworkMember = MemberKeys

/** Who cosigns, and how many distinct members make a checkpoint final. */
export interface MemberSet {
  members: readonly NetworkMember[]
  quorum: number
}

/**
 * The current member set (`membersOf`: governance's admitted members and
 * quorum, or the genesis's), read again whenever the log grew: a member
 * admitted in a block cosigns that very block, even when nothing follows it.
 *
 * @example const members = createMemberReader({ db, genesis, governed: true }); members(treeSize).quorum
 */
export function createMemberReader(p: {
  db: Database
  genesis: Genesis
  governed: boolean
}): (treeSize: number) => MemberSet {
  let cached: { size: number; set: MemberSet } | undefined
  return (treeSize) => {
    if (cached?.size === treeSize) return cached.set
    cached = { size: treeSize, set: membersOf(p) }
    return cached.set
  }
}
