export { approve } from './actions/approve.js'
export { propose } from './actions/propose.js'
export { reject } from './actions/reject.js'
export { governance } from './governance.js'
export {
  CONFIG_KEY,
  didRoleKey,
  formerMemberKey,
  GOVERNANCE,
  MEMBER_ROLE,
  memberDidKey,
  memberKey,
  proposalKey,
  roleKey,
} from './keys.js'
export { memberIdsOf } from './memberIdsOf.js'
export { findMemberId, listMembers, MAX_MEMBERS, readConfig } from './members.js'
export { governanceProjection } from './projection.js'
export { proposalIdOf } from './proposals.js'
export { holdsRole, rolesOf } from './roles.js'
export type { CreateSandboxNetworkParameters, CreateSandboxNetworkResult, SandboxMember } from './sandbox.js'
export { createSandboxNetwork } from './sandbox.js'
export type { ProposeArgs } from './schemas.js'
export {
  DidSchema,
  MemberArgsSchema,
  ProposalIdSchema,
  ProposeArgsSchema,
  RoleNameSchema,
  VoteArgsSchema,
} from './schemas.js'
export { seedGenesis } from './seedGenesis.js'
export type { Change, GovernanceConfig, MemberRecord, Proposal, ProposalStatus } from './types.js'
