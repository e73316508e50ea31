import type { ActionContext } from '@tabularium/ledger'
import { CONFIG_KEY, memberKey } from './keys.js'
import { admitMember, listMembers, readConfig, removeMember } from './members.js'
import { grantRole, revokeRole } from './roles.js'
import type { Change, GovernanceConfig, MemberRecord } from './types.js'

/**
 * Makes an approved change (already checked by `checkChange`) and returns
 * the governance parameters after it.
 *
 * @example applyChange(ctx, { change: { kind: 'setThreshold', threshold: 2 }, proposal: id })
 */
export function applyChange(ctx: ActionContext, p: { change: Change; proposal: string }): GovernanceConfig {
  const { change, proposal } = p
  const config = readConfig(ctx)
  switch (change.kind) {
    case 'addMember': {
      const member: MemberRecord = { ...change.member, admittedAt: ctx.time }
      admitMember(ctx, { member, memberRoles: config.memberRoles, proposal })
      return config
    }
    case 'removeMember': {
      const remaining = listMembers(ctx).length - 1
      removeMember(ctx, { member: ctx.get<MemberRecord>(memberKey(change.id)) as MemberRecord, proposal })
      return lowerToMemberCount(ctx, config, remaining)
    }
    case 'grantRole':
      grantRole(ctx, { role: change.role, did: change.did, proposal })
      return config
    case 'revokeRole':
      revokeRole(ctx, { role: change.role, did: change.did, proposal })
      return config
    case 'setThreshold':
      return writeConfig(ctx, { ...config, governanceThreshold: change.threshold })
  }
}

// Removing a member lowers a threshold or quorum that has become impossible
// (above the member count) to the member count, rather than refusing: the
// usual reason to remove a member is that it has gone silent, and refusing
// would leave a unanimous network unable to remove it at all. Unanimity stays
// unanimity (3-of-3 becomes 2-of-2); anything lower is unchanged.
function lowerToMemberCount(ctx: ActionContext, config: GovernanceConfig, count: number): GovernanceConfig {
  if (config.governanceThreshold <= count && config.witnessQuorum <= count) return config
  return writeConfig(ctx, {
    ...config,
    governanceThreshold: Math.min(config.governanceThreshold, count),
    witnessQuorum: Math.min(config.witnessQuorum, count),
  })
}

function writeConfig(ctx: ActionContext, config: GovernanceConfig): GovernanceConfig {
  ctx.put(CONFIG_KEY, config)
  return config
}
