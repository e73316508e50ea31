import type { Genesis } from '@tabularium/protocol'
import type { Access } from '../module/defineModule.js'
import type { StateView } from './stateView.js'

/** The module whose state holds role grants. */
export const GOVERNANCE_MODULE = 'governance'

/**
 * The state key of a role grant: `roles/<role>/<did>` in module `governance`,
 * holding `true` while the grant stands (see the README, "Roles").
 *
 * @example roleKey('registrar', 'did:key:z6Mk…') // 'roles/registrar/did:key:z6Mk…'
 */
export function roleKey(role: string, did: string): string {
  return `roles/${role}/${did}`
}

/** Answers "does `did` hold `role`?" against a state view. */
export type RoleChecker = (view: StateView, did: string, role: string) => boolean

/**
 * Role checks. With a governance module installed, state is the only source:
 * its genesis hook seeds `genesis.memberRoles` as grants, and its proposals
 * revoke them (a removed founder loses its roles). Without one, genesis
 * members hold every role in `genesis.memberRoles` for the life of the ledger.
 *
 * @example const hasRole = createRoleChecker({ genesis, governed: true }); hasRole(view, did, 'registrar')
 */
export function createRoleChecker({ genesis, governed }: { genesis: Genesis; governed: boolean }): RoleChecker {
  const members = new Set(genesis.members.map((member) => member.did))
  const memberRoles = new Set(genesis.memberRoles)
  return (view, did, role) => {
    if (!governed && memberRoles.has(role) && members.has(did)) return true
    return view.get(GOVERNANCE_MODULE, roleKey(role, did)) === 'true'
  }
}

/** True when `signer` may call an action with `access`. */
export function isAllowed(p: { access: Access; view: StateView; signer: string; hasRole: RoleChecker }): boolean {
  if ('public' in p.access) return p.access.public
  return p.access.roles.some((role) => p.hasRole(p.view, p.signer, role))
}
