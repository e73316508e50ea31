import type { ActionContext, StateReader } from '@tabularium/ledger'
import { fail } from './fail.js'
import { CONFIG_KEY, formerMemberKey, GOVERNANCE, MEMBER_ROLE, memberDidKey, memberKey } from './keys.js'
import { grantRole, holdsRole, revokeRole, rolesOf } from './roles.js'
import type { GovernanceConfig, MemberRecord } from './types.js'

/** Most members a network may have: the genesis file's own bound. */
export const MAX_MEMBERS = 100

/** The current members, in id order. @example listMembers(ctx).length // 3 */
export function listMembers(state: StateReader): MemberRecord[] {
  return state.list<MemberRecord>(memberKey(''), { limit: MAX_MEMBERS + 1 }).map(({ value }) => value)
}

/** The governance parameters; refuses when the genesis hook never ran. @example readConfig(ctx).governanceThreshold */
export function readConfig(state: StateReader): GovernanceConfig {
  return state.get<GovernanceConfig>(CONFIG_KEY) ?? fail('CONFLICT', 'governance has no configuration (no genesis?)')
}

/**
 * The member id whose organisation DID is `did`, read through any module's
 * context (`ctx.of('governance')`), or undefined for non-members.
 *
 * @example findMemberId(ctx, ctx.signer) // 'city-of-leuven' | undefined
 */
export function findMemberId(state: StateReader, did: string): string | undefined {
  return state.of(GOVERNANCE).get<string>(memberDidKey(did))
}

/**
 * Admits a member: its record, its DID index, role `member` and every role
 * in `memberRoles`; emits `memberAdded` then one `roleGranted` per role.
 */
export function admitMember(
  ctx: ActionContext,
  p: { member: MemberRecord; memberRoles: readonly string[]; proposal: string | null },
): void {
  const { member, proposal } = p
  ctx.put(memberKey(member.id), member)
  ctx.put(memberDidKey(member.did), member.id)
  ctx.emit('memberAdded', { ...member, proposal })
  for (const role of new Set([MEMBER_ROLE, ...p.memberRoles])) {
    if (!holdsRole(ctx, role, member.did)) grantRole(ctx, { role, did: member.did, proposal })
  }
}

/**
 * Removes a member and every role its DID holds (not the roles of DIDs it
 * asked governance to grant: the ledger cannot tell whose clerks they are).
 * The record moves to `formerMembers/<id>`, so that the id, which other
 * modules record as "organisation", never names another organisation.
 */
export function removeMember(ctx: ActionContext, p: { member: MemberRecord; proposal: string | null }): void {
  const { member, proposal } = p
  for (const role of rolesOf(ctx, member.did)) revokeRole(ctx, { role, did: member.did, proposal })
  ctx.delete(memberKey(member.id))
  ctx.put(formerMemberKey(member.id), { ...member, removedAt: ctx.time })
  ctx.delete(memberDidKey(member.did))
  ctx.emit('memberRemoved', { id: member.id, did: member.did, proposal })
}
