import type { Json } from '@tabularium/ledger'
import type { Ciphertext, PartialDecryption, TokenPublicKey } from '@tabularium/voting'

/** Decidim's question kinds. */
export type QuestionType = 'single' | 'multiple' | 'approval' | 'budget'

/** One option (a project, for a participatory budget: with its cost). */
export type OptionDef = { id: string; title: string; cost?: number }

/** A question as stored: its kind, options and the rules derived from it. */
export type QuestionDef = {
  id: string
  title: string
  type: QuestionType
  options: OptionDef[]
  /** Fewest and most options a voter selects (single: 1..1; approval: 0..n). */
  min: number
  max: number
  /** Participatory budget: total budget and optional minimum spend, in the costs' unit. */
  budget?: number
  minimumBudget?: number
}

/** Who may receive a token. */
export type CensusDef =
  | { kind: 'credential'; credentialType: string; claims: Record<string, Json> }
  | { kind: 'list'; size: number }

/** A ballot as created. */
export type BallotRecord = {
  id: string
  title: string
  description: string
  questions: QuestionDef[]
  opens: string
  closes: string
  voteAgain: boolean
  census: CensusDef
  issuerKey: TokenPublicKey
  /** Trustee member ids; trustee i (from 1) holds share i of the election key. */
  trustees: string[]
  threshold: number
  /**
   * From when the key ceremony may be closed without the absent trustees
   * (`closeCeremony`); before `opens`. Records from before the deadline lack
   * it: read it with `ceremonyDeadlineOf`.
   */
  ceremonyDeadline?: string
  organisation: string | null
  createdAt: string
}

/**
 * Why a dealer was disqualified: who complained and what was wrong with the
 * share (as the ledger judged it), or who closed the ceremony while it had
 * not dealt (`absent`: no ceremony key, or no dealing, by the close).
 */
export type Disqualification = { by: string; reason: 'undecryptable' | 'invalid-share' | 'absent' }

/**
 * The key ceremony (joint-Feldman DKG with complaints): each trustee's
 * ceremony encryption key, commitments and confirmation, the dealers
 * disqualified by a founded complaint, then QUAL and the election key — or
 * why the ceremony failed. The encrypted shares are under `sharesKey`.
 */
export type Ceremony = {
  /** Trustee → its ceremony encryption key E = e·g (base64url SEC1). */
  keys: Record<string, string>
  /** Trustee → its Feldman commitments. */
  dealings: Record<string, string[]>
  confirmed: string[]
  disqualified: Record<string, Disqualification>
  /** QUAL: the dealers whose polynomials make the key, once it is fixed. */
  qualified: string[] | null
  /** Why the ceremony failed (fewer qualified dealers than the threshold); no key will come. */
  failed: string | null
  /** Who closed the ceremony after its deadline, and when (`closeCeremony`); null until then. */
  closed: { by: string; at: string } | null
  publicKey: string | null
  commitments: string[] | null
}

/** The ballot that counts for a nullifier. */
export type CastRecord = { txid: string; index: number; ciphertexts: Ciphertext[][] | null }

/** Live counters (no partial results: the tally stays encrypted until the close). */
export type Counters = { issued: number; cast: number; counted: number; replaced: number }

/** A published result: counts per question and option. */
export type BallotResult = { counts: number[][]; ballots: number; txid: string; index: number; time: string }

/** A petition. */
export type PetitionRecord = {
  id: string
  title: string
  text: string
  threshold: number
  opens: string
  closes: string
  census: CensusDef
  issuerKey: TokenPublicKey
  organisation: string | null
  createdAt: string
  signatures: number
  reachedAt: string | null
}

export type { PartialDecryption }
