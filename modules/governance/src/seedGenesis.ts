import type { ActionContext } from '@tabularium/ledger'
import type { Genesis } from '@tabularium/protocol'
import { fail } from './fail.js'
import { CONFIG_KEY, MEMBER_ROLE } from './keys.js'
import { admitMember } from './members.js'
import { grantRole, holdsRole } from './roles.js'
import { DidSchema, RoleNameSchema } from './schemas.js'
import type { GovernanceConfig, MemberRecord } from './types.js'

/**
 * The genesis hook: seeds `config`, every founding member (with role
 * `member` and the genesis `memberRoles`) and every genesis role grant.
 * Refuses `INVALID_GENESIS` for a file the schema accepts but that could not
 * govern itself (threshold above the member count, duplicate DIDs, …).
 *
 * @example governance.genesis?.(ctx, genesis)
 */
export function seedGenesis(ctx: ActionContext, genesis: Genesis): void {
  checkGenesis(genesis)
  const config: GovernanceConfig = {
    governanceThreshold: genesis.governanceThreshold,
    witnessQuorum: genesis.witnessQuorum,
    memberRoles: [...new Set(genesis.memberRoles)].filter((role) => role !== MEMBER_ROLE),
  }
  ctx.put(CONFIG_KEY, config)
  for (const { url, ...rest } of genesis.members) {
    const member: MemberRecord = { ...rest, ...(url === undefined ? {} : { url }), admittedAt: genesis.createdAt }
    admitMember(ctx, { member, memberRoles: config.memberRoles, proposal: null })
  }
  for (const [role, dids] of Object.entries(genesis.roles)) {
    for (const did of dids) if (!holdsRole(ctx, role, did)) grantRole(ctx, { role, did, proposal: null })
  }
}

function checkGenesis(genesis: Genesis): void {
  const count = genesis.members.length
  for (const field of ['governanceThreshold', 'witnessQuorum'] as const) {
    if (genesis[field] > count) invalid(`${field} ${genesis[field]} exceeds the ${count} members`, field)
  }
  unique(
    genesis.members.map((m) => m.id),
    'members.id',
  )
  unique(
    genesis.members.map((m) => m.did),
    'members.did',
  )
  for (const member of genesis.members)
    if (!DidSchema.safeParse(member.did).success) invalid(`bad DID ${member.did}`, 'members.did')
  for (const role of genesis.memberRoles) checkRole(role, 'memberRoles')
  for (const [role, dids] of Object.entries(genesis.roles)) {
    checkRole(role, 'roles')
    // Role `member` means membership; it is never granted on its own.
    if (role === MEMBER_ROLE) invalid('role `member` comes from `members`, not `roles`', 'roles.member')
    for (const did of dids) if (!DidSchema.safeParse(did).success) invalid(`bad DID ${did}`, `roles.${role}`)
  }
}

function checkRole(role: string, path: string): void {
  if (!RoleNameSchema.safeParse(role).success) invalid(`bad role name ${role}`, path)
}

function unique(values: readonly string[], path: string): void {
  const seen = new Set<string>()
  for (const value of values) {
    if (seen.has(value)) invalid(`duplicate ${value}`, path)
    seen.add(value)
  }
}

function invalid(message: string, path: string): never {
  return fail('INVALID_GENESIS', `genesis: ${message}`, { path })
}
