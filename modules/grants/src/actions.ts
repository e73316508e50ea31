import { type ActionContext, defineAction } from '@tabularium/ledger'
import { findMemberId } from '@tabularium/module-governance'
import { applicationOf, assertClosed, callOf, ownedCall } from './access.js'
import { fail } from './fail.js'
import {
  applicationKey,
  awardKey,
  callKey,
  declarationKey,
  FUNDER_ROLES,
  orgAwardKey,
  projectAwardKey,
  scoreKey,
} from './keys.js'
import { findOverlaps, projectRef } from './overlaps.js'
import {
  ApplyArgsSchema,
  AwardArgsSchema,
  CallArgsSchema,
  CreateCallArgsSchema,
  DeclareArgsSchema,
  PayMilestoneArgsSchema,
  ScoreArgsSchema,
} from './schemas.js'
import type { Application, Award, Call } from './types.js'

/** `grants.createCall`: an open call with budget, deadline, weighted criteria and assigned evaluators. */
export const createCall = defineAction({
  description: 'Opens a grant call: budget, deadline, weighted criteria, evaluators.',
  args: CreateCallArgsSchema,
  access: { roles: FUNDER_ROLES },
  execute(ctx, args) {
    if (ctx.get(callKey(args.id)) !== undefined) fail('ALREADY_EXISTS', `call ${args.id} exists`, { call: args.id })
    const call: Call = {
      ...args,
      funder: findMemberId(ctx, ctx.signer) ?? null,
      owner: ctx.signer,
      currency: 'EUR',
      awarded: 0,
      status: 'open',
      closedAt: null,
    }
    ctx.put(callKey(call.id), call)
    ctx.emit('callCreated', {
      call: call.id,
      title: call.title,
      funder: call.funder,
      budget: call.budget,
      deadline: call.deadline,
      evaluators: call.evaluators,
    })
  },
})

/**
 * `grants.apply`: an organisation submits before the deadline (by ledger
 * time). The ledger holds the commitment (SHA-256 of the sealed content in
 * the node's blob store) and the facts double-funding checks need:
 * organisation, project, cost period, amount. Overlapping awards of any
 * funder are flagged at once.
 */
export const apply = defineAction({
  description:
    'Submits an application before the deadline: a commitment to sealed content, organisation, project, cost period.',
  args: ApplyArgsSchema,
  access: { public: true },
  execute(ctx, args) {
    const call = callOf(ctx, args.call)
    if (ctx.time < call.opensAt) fail('CALL_NOT_CLOSED', `call ${call.id} opens at ${call.opensAt}`, { call: call.id })
    if (call.status !== 'open' || ctx.time >= call.deadline)
      fail('DEADLINE_PASSED', `the deadline of call ${call.id} was ${call.deadline}`, {
        call: call.id,
        deadline: call.deadline,
      })
    if (ctx.get(applicationKey(call.id, args.id)) !== undefined)
      fail('ALREADY_EXISTS', `application ${args.id} exists`, { application: args.id })
    const application: Application = { ...args, applicant: ctx.signer, submittedAt: ctx.time, status: 'submitted' }
    ctx.put(applicationKey(call.id, args.id), application)
    ctx.put(`appsByOrganisation/${args.organisation}/${call.id}/${args.id}`, true)
    ctx.put(`appsByProject/${projectRef(args.project)}/${call.id}/${args.id}`, true)
    ctx.emit('applied', {
      call: call.id,
      application: args.id,
      organisation: args.organisation,
      project: args.project,
      requested: args.requested,
      commitment: args.commitment,
      legalEntity: args.legalEntity,
    })
    flag(ctx, application)
  },
})

// Emits `doubleFundingFlagged` with the evidence when earlier awards overlap.
function flag(ctx: ActionContext, application: Application): void {
  const overlaps = findOverlaps(ctx, application)
  if (overlaps.length > 0)
    ctx.emit('doubleFundingFlagged', {
      call: application.call,
      application: application.id,
      organisation: application.organisation,
      project: application.project,
      overlaps,
    })
}

/** `grants.closeCall`: after the deadline (ledger time) the funder unseals the call for evaluation. */
export const closeCall = defineAction({
  description: 'Closes a call after its deadline: applications become readable to its evaluators.',
  args: CallArgsSchema,
  access: { roles: FUNDER_ROLES },
  execute(ctx, args) {
    const call = ownedCall(ctx, args.call)
    if (ctx.time < call.deadline)
      fail('CALL_NOT_CLOSED', `the deadline ${call.deadline} has not passed`, {
        call: call.id,
        deadline: call.deadline,
      })
    if (call.status === 'closed') fail('CONFLICT', `call ${call.id} is closed already`, { call: call.id })
    ctx.put(callKey(call.id), { ...call, status: 'closed', closedAt: ctx.time })
    ctx.emit('callClosed', { call: call.id })
  },
})

function assertEvaluator(ctx: ActionContext, call: Call): void {
  if (!call.evaluators.includes(ctx.signer))
    fail('UNAUTHORISED', `the signer is not an evaluator of call ${call.id}`, { call: call.id })
}

/** `grants.declareInterest`: an evaluator declares, per application, a conflict of interest or none. */
export const declareInterest = defineAction({
  description: 'An evaluator declares a conflict of interest, or none, for one application.',
  args: DeclareArgsSchema,
  access: { public: true },
  execute(ctx, args) {
    const call = callOf(ctx, args.call)
    assertEvaluator(ctx, call)
    applicationOf(ctx, call.id, args.application)
    const key = declarationKey(call.id, args.application, ctx.signer)
    if (ctx.get(key) !== undefined) fail('ALREADY_EXISTS', 'a declaration is final', { application: args.application })
    ctx.put(key, { conflict: args.conflict, statement: args.statement ?? null, at: ctx.time })
    ctx.emit('interestDeclared', {
      call: call.id,
      application: args.application,
      evaluator: ctx.signer,
      conflict: args.conflict,
    })
  },
})

/** `grants.score`: an evaluator without a conflict scores every criterion, after the call closed. */
export const score = defineAction({
  description: 'Scores an application on every criterion (evaluators without a declared conflict).',
  args: ScoreArgsSchema,
  access: { public: true },
  execute(ctx, args) {
    const call = callOf(ctx, args.call)
    assertEvaluator(ctx, call)
    assertClosed(call)
    const application = applicationOf(ctx, call.id, args.application)
    if (application.status !== 'submitted')
      fail('CONFLICT', `application ${application.id} is decided`, { status: application.status })
    const declaration = ctx.get<{ conflict: boolean }>(declarationKey(call.id, application.id, ctx.signer))
    if (declaration === undefined || declaration.conflict)
      fail('CONFLICT_OF_INTEREST', 'declare no conflict of interest before scoring', { application: application.id })
    for (const criterion of call.criteria) {
      const value = args.scores[criterion.id]
      if (value === undefined || value > criterion.max)
        fail('INVALID_ARGS', `score ${criterion.id} must be 0–${criterion.max}`, { criterion: criterion.id })
    }
    ctx.put(scoreKey(call.id, application.id, ctx.signer), { scores: args.scores, comment: args.comment, at: ctx.time })
    ctx.emit('scored', {
      call: call.id,
      application: application.id,
      evaluator: ctx.signer,
      total: weighted(call, args.scores),
    })
  },
})

/** The weighted score of one evaluation, 0–100. */
export function weighted(call: Call, scores: Record<string, number>): number {
  const weights = call.criteria.reduce((s, c) => s + c.weight, 0)
  const sum = call.criteria.reduce((s, c) => s + (c.weight * (scores[c.id] ?? 0)) / c.max, 0)
  return Math.round((sum / weights) * 10_000) / 100
}

/**
 * `grants.award`: the funder's decision, within the call's budget, with
 * milestone payments. When an earlier award of any funder overlaps (same
 * organisation or project, overlapping cost period) it is refused with
 * DOUBLE_FUNDING and the evidence, unless the funder acknowledges exactly
 * those awards with a justification (complementary funding of other costs).
 */
export const award = defineAction({
  description: 'Awards a grant with milestones, refusing unacknowledged overlaps with earlier awards (double funding).',
  args: AwardArgsSchema,
  access: { roles: FUNDER_ROLES },
  execute(ctx, args) {
    const call = ownedCall(ctx, args.call)
    assertClosed(call)
    const application = applicationOf(ctx, call.id, args.application)
    if (application.status !== 'submitted')
      fail('CONFLICT', `application ${application.id} is decided`, { status: application.status })
    if (ctx.list(`scores/${call.id}/${application.id}/`, { limit: 1 }).length === 0)
      fail('CONFLICT', 'no evaluation yet', { application: application.id })
    if (call.awarded + args.amount > call.budget)
      fail('BUDGET_EXHAUSTED', `call ${call.id} has ${call.budget - call.awarded} left`, {
        remaining: call.budget - call.awarded,
        requested: args.amount,
      })
    if (args.milestones.reduce((s, m) => s + m.amount, 0) !== args.amount)
      fail('INVALID_ARGS', 'milestones must add up to the amount', {})
    const overlaps = findOverlaps(ctx, application)
    const acknowledged = new Set(args.acknowledge?.awards ?? [])
    const unacknowledged = overlaps.filter((o) => !acknowledged.has(o.award))
    if (unacknowledged.length > 0)
      fail('DOUBLE_FUNDING', `${unacknowledged.length} earlier award(s) overlap this one`, { overlaps: unacknowledged })
    const id = `${call.id}-${application.id}`.slice(0, 32)
    const record: Award = {
      id,
      call: call.id,
      application: application.id,
      funder: call.funder,
      organisation: application.organisation,
      project: application.project,
      costPeriod: application.costPeriod,
      amount: args.amount,
      paid: 0,
      milestones: args.milestones.map((m) => ({ ...m, paidAt: null })),
      awardedAt: ctx.time,
      acknowledged:
        args.acknowledge === undefined
          ? null
          : { awards: args.acknowledge.awards, justification: args.acknowledge.justification },
    }
    ctx.put(awardKey(id), record)
    ctx.put(orgAwardKey(record.organisation, id), true)
    ctx.put(projectAwardKey(projectRef(record.project), id), true)
    ctx.put(applicationKey(call.id, application.id), { ...application, status: 'awarded' })
    ctx.put(callKey(call.id), { ...call, awarded: call.awarded + args.amount })
    flagPending(ctx, record)
    ctx.emit('awarded', {
      award: id,
      call: call.id,
      application: application.id,
      funder: call.funder,
      organisation: record.organisation,
      project: record.project,
      amount: args.amount,
      costPeriod: record.costPeriod,
      acknowledged: [...acknowledged],
    })
  },
})

/** `grants.payMilestone`: records the payment of one milestone of an award. */
export const payMilestone = defineAction({
  description: 'Records the payment of a milestone of an award.',
  args: PayMilestoneArgsSchema,
  access: { roles: FUNDER_ROLES },
  execute(ctx, args) {
    const record =
      ctx.get<Award>(awardKey(args.award)) ?? fail('NOT_FOUND', `no award ${args.award}`, { award: args.award })
    ownedCall(ctx, record.call)
    const milestone =
      record.milestones.find((m) => m.id === args.milestone) ??
      fail('NOT_FOUND', `no milestone ${args.milestone}`, { milestone: args.milestone })
    if (milestone.paidAt !== null)
      fail('CONFLICT', `milestone ${milestone.id} is paid already`, { milestone: milestone.id })
    const milestones = record.milestones.map((m) => (m.id === milestone.id ? { ...m, paidAt: ctx.time } : m))
    ctx.put(awardKey(record.id), { ...record, milestones, paid: record.paid + milestone.amount })
    ctx.emit('milestonePaid', {
      award: record.id,
      call: record.call,
      milestone: milestone.id,
      amount: milestone.amount,
      evidence: args.evidence ?? null,
    })
  },
})

// A new award puts every undecided application elsewhere that it overlaps under a flag.
function flagPending(ctx: ActionContext, record: Award): void {
  const seen = new Set<string>([`${record.call}/${record.application}`])
  for (const prefix of [`appsByOrganisation/${record.organisation}/`, `appsByProject/${projectRef(record.project)}/`]) {
    for (const { key } of ctx.list(prefix, { limit: 1000 })) {
      const [call, app] = key.slice(prefix.length).split('/') as [string, string]
      if (seen.has(`${call}/${app}`)) continue
      seen.add(`${call}/${app}`)
      const pending = ctx.get<Application>(applicationKey(call, app))
      if (pending === undefined || pending.status !== 'submitted') continue
      const overlaps = findOverlaps(ctx, pending).filter((o) => o.award === record.id)
      if (overlaps.length > 0)
        ctx.emit('doubleFundingFlagged', {
          call,
          application: app,
          organisation: pending.organisation,
          project: pending.project,
          overlaps,
        })
    }
  }
}
