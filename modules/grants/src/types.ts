// `type` aliases, so that records are assignable to `Json`. Amounts in cents.

export type Criterion = { id: string; name: string; weight: number; max: number }

export type Call = {
  id: string
  title: string
  funder: string | null
  owner: string
  currency: 'EUR'
  budget: number
  awarded: number
  opensAt: string
  deadline: string
  criteria: Criterion[]
  evaluators: string[]
  status: 'open' | 'closed'
  closedAt: string | null
}

export type Period = { from: string; to: string }

export type Application = {
  id: string
  call: string
  applicant: string
  /** The legal entity (e.g. VAT or LEI number from its legal-entity credential). */
  organisation: string
  project: string
  title: string
  requested: number
  costPeriod: Period
  /** SHA-256 of the sealed content in the node's blob store. */
  commitment: string
  /** The legal-entity credential verified by the node (POST /v1/grants/calls/:call/applications): SHA-256 of the JWT, issuer DID. */
  legalEntity: { credential: string; issuer: string }
  submittedAt: string
  status: 'submitted' | 'awarded' | 'rejected'
}

export type Award = {
  id: string
  call: string
  application: string
  funder: string | null
  organisation: string
  project: string
  costPeriod: Period
  amount: number
  paid: number
  milestones: { id: string; amount: number; paidAt: string | null }[]
  awardedAt: string
  acknowledged: { awards: string[]; justification: string } | null
}

/** Evidence of a possible double funding: an earlier award that overlaps. */
export type Overlap = {
  award: string
  call: string
  funder: string | null
  organisation: string
  project: string
  costPeriod: Period
  amount: number
  sameOrganisation: boolean
  sameProject: boolean
}
