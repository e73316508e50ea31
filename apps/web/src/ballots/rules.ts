import type { QuestionDef } from '@tabularium/module-ballots/client'
import type { BallotsKey } from './i18n/tb.js'

/** Why a choice breaks a question's rules, as a message key and its values; null when it is valid. */
export type RuleProblem = { key: BallotsKey; params: Record<string, string | number> } | null

/**
 * Checks a voter's selection against the question's rules before anything
 * is encrypted (the ledger would refuse it with `BALLOT_RULES_BROKEN`, but
 * the voter deserves a clear sentence first): how many options, and for a
 * participatory budget the total cost against the budget and the minimum spend.
 */
export function checkChoice(question: QuestionDef, selected: boolean[]): RuleProblem {
  const count = selected.filter(Boolean).length
  const cost = question.options.reduce((sum, o, i) => sum + (selected[i] ? (o.cost ?? 0) : 0), 0)
  if (question.type === 'single' && count !== 1) return { key: 'rules.chooseOne', params: {} }
  if (question.type === 'budget' && question.budget !== undefined && cost > question.budget)
    return { key: 'rules.overBudget', params: { cost, budget: question.budget } }
  if (question.type === 'budget' && question.minimumBudget !== undefined && cost < question.minimumBudget)
    return { key: 'rules.underMinimum', params: { cost, minimum: question.minimumBudget } }
  if (count < question.min) return { key: 'rules.tooFew', params: { min: question.min, count } }
  if (count > question.max) return { key: 'rules.tooMany', params: { max: question.max, count } }
  return null
}

/** The total cost of a selection (participatory budget). */
export function costOf(question: QuestionDef, selected: boolean[]): number {
  return question.options.reduce((sum, o, i) => sum + (selected[i] ? (o.cost ?? 0) : 0), 0)
}
