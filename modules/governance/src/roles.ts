import type { ActionContext, StateReader } from '@tabularium/ledger'
import { didRoleKey, roleKey } from './keys.js'

// A DID holds few roles; the bound keeps a hostile state from making a
// removal unbounded in work.
const MAX_ROLES_PER_DID = 1000

/**
 * Grants `role` to `did`: writes the key the ledger authorises with and its
 * reverse index, and emits `roleGranted`.
 *
 * @example grantRole(ctx, { role: 'notary:stamper', did, proposal: 'a1b2…' })
 */
export function grantRole(ctx: ActionContext, p: { role: string; did: string; proposal: string | null }): void {
  ctx.put(roleKey(p.role, p.did), true)
  ctx.put(didRoleKey(p.did, p.role), true)
  ctx.emit('roleGranted', { role: p.role, did: p.did, proposal: p.proposal })
}

/** Revokes `role` from `did` and emits `roleRevoked`. @example revokeRole(ctx, { role, did, proposal: null }) */
export function revokeRole(ctx: ActionContext, p: { role: string; did: string; proposal: string | null }): void {
  ctx.delete(roleKey(p.role, p.did))
  ctx.delete(didRoleKey(p.did, p.role))
  ctx.emit('roleRevoked', { role: p.role, did: p.did, proposal: p.proposal })
}

/** True when `did` holds `role`, read from governance's own state. @example holdsRole(ctx, 'member', did) */
export function holdsRole(state: StateReader, role: string, did: string): boolean {
  return state.get(roleKey(role, did)) === true
}

/** The roles `did` holds, in byte order, from the reverse index. @example rolesOf(ctx, did) // ['member', 'notary:stamper'] */
export function rolesOf(state: StateReader, did: string): string[] {
  const prefix = didRoleKey(did, '')
  return state.list(prefix, { limit: MAX_ROLES_PER_DID }).map(({ key }) => key.slice(prefix.length))
}
