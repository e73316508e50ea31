import type { StateReader } from '@tabularium/ledger'
import { fail, invalidArgs } from './fail.js'
import { formerMemberKey, MEMBER_ROLE, memberDidKey, memberKey } from './keys.js'
import { listMembers, MAX_MEMBERS } from './members.js'
import { holdsRole } from './roles.js'
import type { Change } from './types.js'

/**
 * Checks that a change can be made in the current state; throws the refusal
 * otherwise. Runs when a change is proposed and again when its last approval
 * arrives, because the state may have moved in between.
 *
 * @example checkChange(ctx, { kind: 'removeMember', id: 'org-3' })
 */
export function checkChange(state: StateReader, change: Change): void {
  switch (change.kind) {
    case 'addMember':
      checkAddMember(state, change.member)
      break
    case 'removeMember':
      checkRemoveMember(state, change.id)
      break
    case 'grantRole':
    case 'revokeRole':
      checkRoleChange(state, change)
      break
    case 'setThreshold':
      checkThreshold(state, change.threshold)
  }
}

function checkAddMember(state: StateReader, member: { id: string; did: string }): void {
  if (listMembers(state).length >= MAX_MEMBERS) {
    fail('LIMIT_EXCEEDED', `a network has at most ${MAX_MEMBERS} members`, { limit: MAX_MEMBERS })
  }
  if (state.get(memberKey(member.id)) !== undefined || state.get(formerMemberKey(member.id)) !== undefined) {
    fail('ALREADY_EXISTS', `member id ${member.id} is or was taken`, { id: member.id })
  }
  const holder = state.get<string>(memberDidKey(member.did))
  if (holder !== undefined) fail('ALREADY_EXISTS', `${member.did} is already member ${holder}`, { did: member.did })
}

function checkRemoveMember(state: StateReader, id: string): void {
  if (state.get(memberKey(id)) === undefined) fail('NOT_FOUND', `no member ${id}`, { id })
  // A network without members could never govern itself again.
  if (listMembers(state).length <= 1) fail('CONFLICT', 'the last member cannot be removed', { id })
}

function checkRoleChange(state: StateReader, change: { kind: string; role: string; did: string }): void {
  // `member` follows membership: granting it alone would let a non-member propose.
  if (change.role === MEMBER_ROLE) invalidArgs('role', 'role `member` changes only by adding or removing a member')
  const held = holdsRole(state, change.role, change.did)
  if (change.kind === 'grantRole' && held) {
    fail('ALREADY_EXISTS', `${change.did} already holds ${change.role}`, { role: change.role, did: change.did })
  }
  if (change.kind === 'revokeRole' && !held) {
    fail('NOT_FOUND', `${change.did} does not hold ${change.role}`, { role: change.role, did: change.did })
  }
}

function checkThreshold(state: StateReader, threshold: number): void {
  const count = listMembers(state).length
  if (threshold > count) invalidArgs('threshold', `threshold ${threshold} exceeds the ${count} members`)
}
