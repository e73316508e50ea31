import type { ElectionParameters } from '@tabularium/voting'
import type { z } from 'zod'
import { fail } from '../fail.js'
import type { QuestionInputSchema } from '../schemas.js'
import type { QuestionDef } from '../types.js'

/**
 * Derives and checks a question's rules (Decidim's): single choice selects
 * exactly one; multiple choice between `min` and `max`; approval any number;
 * a participatory budget between `min` and `max` projects whose costs add up
 * to at most `budget` (and at least `minimumBudget`). Refuses with
 * INVALID_ARGS and a message naming the problem.
 *
 * @example normaliseQuestion({ id: 'q1', title: 'Mayor', type: 'single', options })
 */
export function normaliseQuestion(q: z.infer<typeof QuestionInputSchema>): QuestionDef {
  const n = q.options.length
  const ids = new Set(q.options.map((o) => o.id))
  if (ids.size !== n) fail('INVALID_ARGS', `question ${q.id}: option ids must be unique`)
  const [min, max] =
    q.type === 'single'
      ? [1, 1]
      : q.type === 'approval'
        ? [q.min ?? 0, q.max ?? n]
        : [q.min ?? (q.type === 'budget' ? 0 : 1), q.max ?? n]
  if (min > max || max > n)
    fail('INVALID_ARGS', `question ${q.id}: need 0 <= min <= max <= ${n} options`, { question: q.id })
  const options = q.options.map((o) =>
    o.cost === undefined ? { id: o.id, title: o.title } : { id: o.id, title: o.title, cost: o.cost },
  )
  const base: QuestionDef = { id: q.id, title: q.title, type: q.type, options, min, max }
  if (q.type !== 'budget') {
    if (q.budget !== undefined || q.options.some((o) => o.cost !== undefined)) {
      fail('INVALID_ARGS', `question ${q.id}: only a participatory-budget question has costs and a budget`)
    }
    return base
  }
  if (q.budget === undefined || q.options.some((o) => o.cost === undefined)) {
    fail('INVALID_ARGS', `question ${q.id}: a participatory budget needs a budget and a cost for every project`, {
      question: q.id,
    })
  }
  const minimumBudget = q.minimumBudget ?? 0
  if (minimumBudget > q.budget) fail('INVALID_ARGS', `question ${q.id}: the minimum spend is above the budget`)
  return { ...base, budget: q.budget, minimumBudget }
}

/** The voting package's view of a question: one election per question, id `<ballot>/<question>`. */
export function electionOf(ballotId: string, question: QuestionDef, publicKey: string): ElectionParameters {
  return {
    id: `${ballotId}/${question.id}`,
    publicKey,
    options: question.options.length,
    min: question.min,
    max: question.max,
  }
}

/** A participatory-budget question's rule, as the voting package checks it. */
export type BudgetRuleDef = { costs: number[]; budget: number; minimum: number }

/** The budget rule of a participatory-budget question, or undefined. */
export function budgetRuleOf(question: QuestionDef): BudgetRuleDef | undefined {
  if (question.type !== 'budget' || question.budget === undefined) return undefined
  return {
    costs: question.options.map((o) => o.cost ?? 0),
    budget: question.budget,
    minimum: question.minimumBudget ?? 0,
  }
}
