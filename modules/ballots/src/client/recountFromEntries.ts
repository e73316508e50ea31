import { canonicalize, sha256, toHex, utf8 } from '@tabularium/core'
import {
  aggregatePacked,
  type Ciphertext,
  jsEngine,
  type PartialDecryption,
  packBallots,
  type VotingEngine,
} from '@tabularium/voting'
import { ceremonyDeadlineOf } from '../rules/absence.js'
import { checkCast } from '../rules/checkCast.js'
import { checkPartials, computeCounts } from '../rules/counts.js'
import { normaliseQuestion } from '../rules/questions.js'
import { CastArgsSchema, CreateBallotArgsSchema, PartialArgsSchema } from '../schemas.js'
import type { BallotRecord } from '../types.js'
import { type CeremonyEntries, type RecountedCeremony, recountCeremony } from './recountCeremony.js'

/** A log entry as exported (`LogEntry`), or as `/v1/entries` lists it (`{ index, txid, entry }`). */
export type ExportedEntry = { index?: number; entry?: unknown } | Record<string, unknown>

/** A ballot that counts, as the recount found it. */
export type CountedBallot = { index: number; txid: string; nullifier: string; answersDigest: string }

/** What `recountFromEntries` found. */
export type RecountResult = {
  ballot: string
  /** Counts recomputed from the entries, per question and option. */
  counts: number[][] | null
  /** The counts the log published (`publishTally`), or null. */
  published: number[][] | null
  /** True when both exist and are equal. */
  matches: boolean
  ballots: number
  tokensIssued: number
  replaced: number
  counted: CountedBallot[]
  /** Each thing that does not hold (an accepted ballot that does not verify, a duplicate…). Empty for an honest log. */
  problems: string[]
}

type Parsed = { index: number; txid: string; time: string; signer: string; action: string; args: unknown }

/**
 * Recomputes a ballot's result from exported log entries alone — no node, no
 * state, no node: modules, so the CLI and the browser run the same code. It
 * re-reads the ballot's definition and key ceremony, re-verifies every
 * accepted ballot (token, proofs, rules, schedule; `checkProofs: false` skips
 * the zero-knowledge proofs for a quick check), keeps the last ballot per
 * nullifier (vote-again) or flags a second one, re-aggregates the
 * ciphertexts, verifies each trustee's partial decryption, decrypts, and
 * compares with the published tally. `engine` verifies (pure JS by default;
 * on a node, `nodeEngine` from `@tabularium/voting/node` is ~30× faster).
 *
 * @example const r = recountFromEntries(entries, { ballot: 'pb-2026' }); r.matches // true
 */
export function recountFromEntries(
  entries: readonly ExportedEntry[],
  options: { ballot: string; checkProofs?: boolean; engine?: VotingEngine },
): RecountResult {
  const { ballot: id, checkProofs = true, engine = jsEngine } = options
  const problems: string[] = []
  const out: RecountResult = {
    ballot: id,
    counts: null,
    published: null,
    matches: false,
    ballots: 0,
    tokensIssued: 0,
    replaced: 0,
    counted: [],
    problems,
  }
  let ballot: BallotRecord | undefined
  const log: CeremonyEntries = { keys: [], dealings: [], complaints: [], close: null }
  // The ceremony ends before the ballot opens: it is recounted once, at the first ballot or at the end.
  let ceremony: RecountedCeremony | undefined
  const ceremonyNow = (b: BallotRecord) => {
    ceremony ??= recountCeremony({ ballot: b, entries: log, problems })
    return ceremony
  }
  const last = new Map<string, { index: number; txid: string; answers: Ciphertext[][]; digest: string }>()
  const partials: Record<string, PartialDecryption[]> = {}
  for (const e of entries.map(parseEntry)) {
    if (e === null) continue
    const a = e.args as Record<string, unknown>
    if (e.action === 'createBallot' && a.id === id) ballot = ballotOf(e, problems)
    if (ballot === undefined || (a.ballot !== id && a.process !== id)) continue
    collectCeremony(log, e, a)
    if (e.action === 'issueToken') out.tokensIssued++
    if (e.action === 'cast') recountCast({ e, ballot, ceremony: ceremonyNow(ballot), last, checkProofs, engine, out })
    if (e.action === 'publishPartial') {
      const parsed = PartialArgsSchema.safeParse(a)
      if (parsed.success) partials[e.signer] = parsed.data.partials as PartialDecryption[]
    }
    if (e.action === 'publishTally') out.published = (a.counts as number[][]) ?? null
  }
  if (ballot === undefined) {
    problems.push(`no createBallot entry for ${id}`)
    return out
  }
  out.counted = [...last.entries()].map(([nullifier, b]) => ({
    index: b.index,
    txid: b.txid,
    nullifier,
    answersDigest: b.digest,
  }))
  out.ballots = out.counted.length
  finish({ ballot, ceremony: ceremonyNow(ballot), last, partials, out })
  return out
}

function collectCeremony(log: CeremonyEntries, e: Parsed, a: Record<string, unknown>): void {
  if (e.action === 'registerCeremonyKey') log.keys.push({ signer: e.signer, key: a.key as string, proof: a.proof })
  if (e.action === 'submitDealing')
    log.dealings.push({ signer: e.signer, commitments: a.commitments as string[], shares: a.shares as string[] })
  if (e.action === 'complainDealing') log.complaints.push({ index: e.index, signer: e.signer, args: a })
  if (e.action === 'closeCeremony') log.close = { index: e.index, time: e.time }
}

function recountCast(p: {
  e: Parsed
  ballot: BallotRecord
  ceremony: RecountedCeremony
  last: Map<string, { index: number; txid: string; answers: Ciphertext[][]; digest: string }>
  checkProofs: boolean
  engine: VotingEngine
  out: RecountResult
}): void {
  const { e, ballot, last, out } = p
  const args = CastArgsSchema.safeParse(e.args)
  if (!args.success) return void out.problems.push(`entry ${e.index}: an accepted ballot with malformed arguments`)
  const ceremony = { publicKey: p.ceremony?.publicKey ?? null, failed: null }
  let nullifier: string
  try {
    const check = p.checkProofs ? ballot : { ...ballot, questions: [] }
    const parsed = { ...args.data, answers: p.checkProofs ? args.data.answers : [] }
    nullifier = checkCast({ ballot: check, ceremony, args: parsed, time: e.time, engine: p.engine }).nullifier
  } catch (error) {
    return void out.problems.push(`entry ${e.index}: an accepted ballot does not verify: ${(error as Error).message}`)
  }
  if (last.has(nullifier)) {
    if (!ballot.voteAgain)
      return void out.problems.push(`entry ${e.index}: a second ballot with one token was accepted`)
    out.replaced++
  }
  const answers = args.data.answers.map((x) => x.ciphertexts)
  last.set(nullifier, { index: e.index, txid: e.txid, answers, digest: answersDigest(args.data.answers) })
}

function finish(p: {
  ballot: BallotRecord
  ceremony: RecountedCeremony
  last: Map<string, { answers: Ciphertext[][] }>
  partials: Record<string, PartialDecryption[]>
  out: RecountResult
}): void {
  const { ballot, out } = p
  if (out.ballots > out.tokensIssued)
    out.problems.push(`${out.ballots} voters counted but only ${out.tokensIssued} tokens issued`)
  if (p.ceremony === null) return void out.problems.push('the key ceremony is incomplete')
  const { publicKey, commitments } = p.ceremony
  const ballots = [...p.last.values()]
  const tally =
    ballots.length === 0
      ? null
      : ballot.questions.map((q, i) =>
          aggregatePacked({
            bytes: packBallots(
              ballots.map((b) => b.answers[i] as Ciphertext[]),
              q.options.length,
            ),
            options: q.options.length,
          }),
        )
  try {
    if (tally !== null)
      for (const partial of Object.values(p.partials))
        checkPartials({ ballot, publicKey, commitments, tally, partials: partial })
    out.counts = computeCounts({ ballot, tally, partials: p.partials, counted: out.ballots })
  } catch (error) {
    return void out.problems.push(`the tally cannot be decrypted from the log: ${(error as Error).message}`)
  }
  out.matches = out.published !== null && JSON.stringify(out.published) === JSON.stringify(out.counts)
  if (out.published !== null && !out.matches) out.problems.push('the published tally differs from the recount')
}

function ballotOf(e: Parsed, problems: string[]): BallotRecord | undefined {
  const parsed = CreateBallotArgsSchema.safeParse(e.args)
  if (!parsed.success) {
    problems.push(`entry ${e.index}: createBallot arguments do not parse`)
    return undefined
  }
  const args = parsed.data
  const census = args.census.kind === 'list' ? { kind: 'list' as const, size: 0 } : args.census
  return {
    ...args,
    description: args.description ?? '',
    questions: args.questions.map(normaliseQuestion),
    census,
    ceremonyDeadline: ceremonyDeadlineOf({ ...args, createdAt: e.time }),
    organisation: null,
    createdAt: e.time,
  }
}

/** The digest of a ballot's answers: what a receipt check compares. */
export function answersDigest(answers: unknown): string {
  return toHex(sha256(utf8(canonicalize(answers as never))))
}

/** Reads an exported entry; null for another module's or a rejected one. */
export function parseEntry(item: ExportedEntry): Parsed | null {
  const record = item as { index?: number; entry?: unknown }
  const entry = (record.entry ?? item) as {
    txid?: string
    tx?: Record<string, unknown>
    time?: string
    outcome?: { status?: string }
  }
  const tx = entry.tx
  if (tx === undefined || tx.module !== 'ballots' || entry.outcome?.status !== 'accepted') return null
  return {
    index: record.index ?? -1,
    txid: String(entry.txid),
    time: String(entry.time),
    signer: String(tx.signer),
    action: String(tx.action),
    args: tx.args,
  }
}
