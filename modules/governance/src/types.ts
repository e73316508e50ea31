// State records are `type` aliases rather than interfaces so that they are
// assignable to the ledger's `Json` type (interfaces have no index signature).

/** A member organisation as stored in `members/<id>`. */
export type MemberRecord = {
  id: string
  name: string
  did: string
  logKey: string
  witnessKey: string
  url?: string
  /** The time of the entry that admitted it (genesis `createdAt` for founders). */
  admittedAt: string
}

/** Governance parameters, stored under `config`. */
export type GovernanceConfig = {
  /** Approvals (M of the N current members) a proposal needs. */
  governanceThreshold: number
  /** Distinct member witnesses whose cosignatures make a checkpoint final. */
  witnessQuorum: number
  /** Roles every member holds besides `member`; granted again on admission. */
  memberRoles: string[]
}

/** A change a proposal makes once approved. */
export type Change =
  | { kind: 'addMember'; member: Omit<MemberRecord, 'admittedAt'> }
  | { kind: 'removeMember'; id: string }
  | { kind: 'grantRole'; role: string; did: string }
  | { kind: 'revokeRole'; role: string; did: string }
  | { kind: 'setThreshold'; threshold: number }

/** Stored status of a proposal; `expired` is derived from `expiresAt` when read. */
export type ProposalStatus = 'open' | 'executed' | 'rejected'

/** A proposal as stored in `proposals/<id>`. */
export type Proposal = {
  id: string
  txid: string
  index: number
  createdAt: string
  /** Member id of the proposer, and the DID that signed. */
  proposer: string
  proposerDid: string
  change: Change
  reason: string | null
  expiresAt: string | null
  status: ProposalStatus
  /** Member ids, in the order they voted. */
  approvals: string[]
  rejections: string[]
  closedAt: string | null
}
