import type { Genesis } from '@tabularium/protocol'
import type { Database } from 'better-sqlite3'
import { GOVERNANCE_MODULE } from '../executor/roles.js'

/** A member organisation as the quorum counts it. */
export interface NetworkMember {
  id: string
  name: string
  logKey: string
  witnessKey: string
  url?: string
}

/** Who cosigns, and how many distinct members make a checkpoint final. */
export interface MemberSet {
  members: readonly NetworkMember[]
  quorum: number
}

/**
 * Reads the current member set: with the governance module installed, the
 * members it admitted (`members/<id>`) and its `config.witnessQuorum`, so a
 * member admitted by a proposal cosigns and a removed one no longer counts;
 * otherwise the genesis file's.
 *
 * @example const members = createMemberReader({ db, genesis, governed: true }); members(treeSize).quorum
 */
export function createMemberReader(p: {
  db: Database
  genesis: Genesis
  governed: boolean
}): (treeSize: number) => MemberSet {
  const fromGenesis: MemberSet = { members: p.genesis.members.map(pick), quorum: p.genesis.witnessQuorum }
  if (!p.governed) return () => fromGenesis
  const rows = p.db.prepare(
    "SELECT value FROM state WHERE module = ? AND key > 'members/' AND key < 'members0' ORDER BY key",
  )
  const config = p.db.prepare("SELECT value FROM state WHERE module = ? AND key = 'config'").pluck()
  let cached: { size: number; at: number; set: MemberSet } | undefined
  return (treeSize) => {
    // Read again when the log grew, at most every 250 ms: a member admitted a
    // moment ago counting a moment later changes nothing that matters.
    if (cached !== undefined && (cached.size === treeSize || Date.now() - cached.at < 250)) return cached.set
    const members = (rows.all(GOVERNANCE_MODULE) as { value: string }[]).map((row) => pick(JSON.parse(row.value)))
    const quorum = (
      JSON.parse((config.get(GOVERNANCE_MODULE) as string | undefined) ?? '{}') as { witnessQuorum?: number }
    ).witnessQuorum
    const set = members.length === 0 ? fromGenesis : { members, quorum: quorum ?? p.genesis.witnessQuorum }
    cached = { size: treeSize, at: Date.now(), set }
    return set
  }
}

function pick(member: Omit<NetworkMember, 'url'> & { url?: string | undefined }): NetworkMember {
  const { id, name, logKey, witnessKey, url } = member
  return url === undefined ? { id, name, logKey, witnessKey } : { id, name, logKey, witnessKey, url }
}
