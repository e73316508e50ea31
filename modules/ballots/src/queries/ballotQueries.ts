import { defineQuery } from '@tabularium/ledger'
import type { PartialDecryption } from '@tabularium/voting'
import { z } from 'zod'
import { getBallot, getCeremony, getCounters } from '../actions/read.js'
import { ballotKey, nullifierKey, partialsKey, resultKey } from '../keys.js'
import { ceremonyDeadlineOf } from '../rules/absence.js'
import { phaseAt } from '../rules/schedule.js'
import { HashSchema, ProcessIdSchema } from '../schemas.js'
import { statement } from '../sqlite.js'
import type { BallotRecord, BallotResult, CastRecord } from '../types.js'

const At = z.iso.datetime().optional()
const now = (at: string | undefined) => at ?? new Date().toISOString()

/**
 * `ballot`: the definition, status, key ceremony and live counters (never a partial result).
 *
 * @example GET /v1/modules/ballots/queries/ballot?id=pb-2026
 */
export const ballot = defineQuery({
  description: 'A ballot: questions, schedule, status, key ceremony, live counters and (after the tally) the result.',
  params: z.strictObject({ id: ProcessIdSchema, at: At }),
  run(ctx, { id, at }) {
    const record = getBallot(ctx, id)
    const ceremony = getCeremony(ctx, id)
    return {
      ...record,
      ceremonyDeadline: ceremonyDeadlineOf(record),
      status: phaseAt(record, now(at)),
      ceremony: {
        registered: Object.keys(ceremony.keys),
        keys: ceremony.keys,
        dealt: Object.keys(ceremony.dealings),
        confirmed: ceremony.confirmed,
        disqualified: ceremony.disqualified,
        qualified: ceremony.qualified,
        failed: ceremony.failed,
        closed: ceremony.closed,
        publicKey: ceremony.publicKey,
        commitments: ceremony.commitments,
      },
      counters: getCounters(ctx, id),
      result: ctx.get<BallotResult>(resultKey(id)) ?? null,
    }
  },
})

/**
 * `ballots`: every ballot (summaries), oldest first.
 *
 * @example GET /v1/modules/ballots/queries/ballots
 */
export const ballots = defineQuery({
  description: 'Every ballot: id, title, schedule, status and counters.',
  params: z.strictObject({ at: At }),
  run(ctx, { at }) {
    return {
      items: ctx.list<BallotRecord>('ballots/', { limit: 1000 }).map(({ value: b }) => ({
        id: b.id,
        title: b.title,
        opens: b.opens,
        closes: b.closes,
        status: phaseAt(b, now(at)),
        counters: getCounters(ctx, b.id),
        published: ctx.get(resultKey(b.id)) !== undefined,
      })),
    }
  },
})

/**
 * `turnout`: live participation — tokens issued, ballots cast, voters counted
 * (vote-again replacements counted once), census size, and ballots per hour.
 *
 * @example GET /v1/modules/ballots/queries/turnout?id=pb-2026
 */
export const turnout = defineQuery({
  description: 'Live turnout: tokens issued, ballots cast and counted, census size, ballots per hour.',
  params: z.strictObject({ id: ProcessIdSchema }),
  run(ctx, { id }) {
    const record = getBallot(ctx, id)
    const counters = getCounters(ctx, id)
    const size = record.census.kind === 'list' ? record.census.size : null
    const byHour = statement(
      ctx.db,
      `SELECT substr(time, 1, 13) || ':00:00Z' AS hour, count(*) AS ballots FROM ballots_entries
       WHERE process = ? AND type = 'ballotCast' GROUP BY hour ORDER BY hour`,
    ).all(id)
    return { id, ...counters, censusSize: size, turnout: size ? counters.counted / size : null, byHour }
  },
})

/**
 * `result`: `sealed` until the close, `decrypting` while trustees publish,
 * then the published counts with the option labels.
 *
 * @example GET /v1/modules/ballots/queries/result?id=pb-2026
 */
export const result = defineQuery({
  description: 'The result: sealed before the close, then the published counts per question and option.',
  params: z.strictObject({ id: ProcessIdSchema, at: At }),
  run(ctx, { id, at }) {
    const record = getBallot(ctx, id)
    const published = ctx.get<BallotResult>(resultKey(id))
    const partials = Object.keys(ctx.get<Record<string, PartialDecryption[]>>(partialsKey(id)) ?? {})
    if (published === undefined) {
      const status = phaseAt(record, now(at)) === 'closed' ? 'decrypting' : 'sealed'
      return { id, status, trusteesDecrypted: partials, threshold: record.threshold }
    }
    return {
      id,
      status: 'published',
      ballots: published.ballots,
      txid: published.txid,
      index: published.index,
      questions: record.questions.map((q, i) => ({
        id: q.id,
        title: q.title,
        options: q.options.map((o, k) => ({ id: o.id, title: o.title, votes: published.counts[i]?.[k] ?? 0 })),
      })),
    }
  },
})

/**
 * `castStatus`: which ballot currently counts for a nullifier (the wallet
 * knows its own), so a voter sees that their last ballot is the one counted.
 *
 * @example GET /v1/modules/ballots/queries/castStatus?ballot=pb-2026&nullifier=…
 */
export const castStatus = defineQuery({
  description: "Which ballot entry counts for a token's nullifier.",
  params: z.strictObject({ ballot: ProcessIdSchema, nullifier: HashSchema }),
  run(ctx, { ballot: id, nullifier }) {
    const record = ctx.get<CastRecord>(nullifierKey(id, nullifier))
    if (ctx.get(ballotKey(id)) === undefined) getBallot(ctx, id)
    return { ballot: id, nullifier, counted: record === undefined ? null : { txid: record.txid, index: record.index } }
  },
})

/**
 * `entries`: log indexes of the accepted entries of a ballot or petition, in
 * order — what a recount fetches (`GET /v1/entries/:index`) and checks.
 *
 * @example GET /v1/modules/ballots/queries/entries?id=pb-2026
 */
export const entries = defineQuery({
  description: 'Log indexes of the accepted entries of a ballot or petition (for recounts).',
  params: z.strictObject({
    id: ProcessIdSchema,
    after: z.coerce.number().int().min(-1).default(-1),
    limit: z.coerce.number().int().min(1).max(100_000).default(10_000),
  }),
  run(ctx, { id, after, limit }) {
    const rows = statement(
      ctx.db,
      'SELECT idx FROM ballots_entries WHERE process = ? AND idx > ? ORDER BY idx LIMIT ?',
    ).all(id, after, limit) as { idx: number }[]
    const indexes = rows.map((r) => r.idx)
    return { id, indexes, next: indexes.length === limit ? indexes[indexes.length - 1] : null }
  },
})
