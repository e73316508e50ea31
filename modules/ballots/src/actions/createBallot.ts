import { defineAction } from '@tabularium/ledger'
import { findMemberId } from '@tabularium/module-governance'
import { fail } from '../fail.js'
import { ballotKey, ceremonyKey, countersKey, ORGANISER_ROLE, processKey } from '../keys.js'
import { ceremonyDeadlineOf } from '../rules/absence.js'
import { normaliseQuestion } from '../rules/questions.js'
import { CreateBallotArgsSchema } from '../schemas.js'
import type { BallotRecord, CensusDef } from '../types.js'
import { assertIssuerKey, assertMembers, assertSchedule, EMPTY_CEREMONY } from './read.js'

/**
 * `ballots.createBallot`: a ballot with its questions, schedule, census,
 * token issuer key (RFC 9474) and trustees (member organisations, t of n).
 * The election key comes later, from the trustees' key ceremony.
 *
 * @example { id: 'pb-2026', title: 'Budget 2026', questions: [...], opens, closes, census: { kind: 'list' }, issuerKey, trustees: ['leuven', 'gent', 'brugge'], threshold: 2 }
 */
export const createBallot = defineAction({
  description: 'Creates a ballot: questions, schedule, census, token issuer key and trustees.',
  args: CreateBallotArgsSchema,
  access: { roles: [ORGANISER_ROLE, 'member'] },
  execute(ctx, args) {
    if (ctx.get(processKey(args.id)) !== undefined) fail('ALREADY_EXISTS', `${args.id} exists already`, { id: args.id })
    assertSchedule(args, ctx.time)
    assertIssuerKey(args.issuerKey)
    assertMembers(ctx, args.trustees)
    if (args.threshold > args.trustees.length) fail('INVALID_ARGS', 'the threshold is above the number of trustees')
    const deadline = args.ceremonyDeadline
    const at = deadline === undefined ? 0 : Date.parse(deadline)
    if (deadline !== undefined && !(Date.parse(ctx.time) < at && at < Date.parse(args.opens)))
      fail('INVALID_ARGS', 'the ceremony deadline must be in the future and before the ballot opens')
    const questions = args.questions.map(normaliseQuestion)
    if (new Set(questions.map((q) => q.id)).size !== questions.length)
      fail('INVALID_ARGS', 'question ids must be unique')
    const census: CensusDef = args.census.kind === 'list' ? { kind: 'list', size: 0 } : args.census
    const record: BallotRecord = {
      id: args.id,
      title: args.title,
      description: args.description ?? '',
      questions,
      opens: args.opens,
      closes: args.closes,
      voteAgain: args.voteAgain,
      census,
      issuerKey: args.issuerKey,
      trustees: args.trustees,
      threshold: args.threshold,
      ceremonyDeadline: ceremonyDeadlineOf({ ceremonyDeadline: deadline, createdAt: ctx.time, opens: args.opens }),
      organisation: findMemberId(ctx, ctx.signer) ?? null,
      createdAt: ctx.time,
    }
    ctx.put(processKey(args.id), 'ballot')
    ctx.put(ballotKey(args.id), record as never)
    ctx.put(ceremonyKey(args.id), EMPTY_CEREMONY)
    ctx.put(countersKey(args.id), { issued: 0, cast: 0, counted: 0, replaced: 0 })
    ctx.emit('ballotCreated', {
      ballot: args.id,
      title: args.title,
      opens: args.opens,
      closes: args.closes,
      questions: questions.length,
      census: census.kind,
      trustees: args.trustees,
      threshold: args.threshold,
      voteAgain: args.voteAgain,
    })
  },
})
