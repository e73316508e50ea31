import { defineModule } from '@tabularium/ledger'
import { apply, award, closeCall, createCall, declareInterest, payMilestone, score } from './actions.js'
import { GRANTS } from './keys.js'
import { grantsProjection } from './projection.js'
import { awardById, awards, call, calls, overlaps, ranking } from './queries.js'

/**
 * The grants module: calls, sealed applications (commitments), evaluation
 * with conflict-of-interest declarations, ranking, awards with milestones,
 * and double-funding detection across every funder on the network.
 *
 * @example createLedger({ genesis, keys, path, modules: [governance, grants] })
 */
export const grants = defineModule({
  name: GRANTS,
  description: 'Grant calls: sealed applications, evaluation, ranking, awards, milestones, double-funding flags.',
  actions: { createCall, apply, closeCall, declareInterest, score, award, payMilestone },
  queries: { call, calls, overlaps, ranking, award: awardById, awards },
  projection: grantsProjection,
})
