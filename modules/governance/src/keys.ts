/** The module's name; other modules read its state under it (`ctx.of(GOVERNANCE)`). */
export const GOVERNANCE = 'governance'

/** The role every member organisation holds; managed by admission and removal only. */
export const MEMBER_ROLE = 'member'

/** State key of the network's governance parameters. */
export const CONFIG_KEY = 'config'

// State keys. The ledger itself reads `roles/<role>/<did>` (value `true`) to
// authorise actions, so that format is a contract (docs/architecture.md) and
// must not change. Roles and DIDs are validated to contain no `/`, so every
// prefix below is unambiguous.

/** `members/<id>` → MemberRecord. @example memberKey('leuven') // 'members/leuven' */
export function memberKey(id: string): string {
  return `members/${id}`
}

/** `formerMembers/<id>` → MemberRecord & { removedAt }: ids are never reused. @example formerMemberKey('gent') */
export function formerMemberKey(id: string): string {
  return `formerMembers/${id}`
}

/** `memberDids/<did>` → member id. @example memberDidKey('did:key:z6Mk…') */
export function memberDidKey(did: string): string {
  return `memberDids/${did}`
}

/** `roles/<role>/<did>` → true: the key the ledger checks for access. @example roleKey('notary:stamper', did) */
export function roleKey(role: string, did: string): string {
  return `roles/${role}/${did}`
}

/** `didRoles/<did>/<role>` → true: the reverse index, to list or drop a DID's roles. @example didRoleKey(did, 'member') */
export function didRoleKey(did: string, role: string): string {
  return `didRoles/${did}/${role}`
}

/** `proposals/<id>` → Proposal. @example proposalKey('9f86d081884c7d65') */
export function proposalKey(id: string): string {
  return `proposals/${id}`
}
