import { defineModule } from '@tabularium/ledger'
import { approve } from './actions/approve.js'
import { propose } from './actions/propose.js'
import { reject } from './actions/reject.js'
import { GOVERNANCE } from './keys.js'
import { governanceProjection } from './projection.js'
import { hasRole } from './queries/hasRole.js'
import { member } from './queries/member.js'
import { members } from './queries/members.js'
import { proposal } from './queries/proposal.js'
import { proposals } from './queries/proposals.js'
import { roles } from './queries/roles.js'
import { seedGenesis } from './seedGenesis.js'

/**
 * The governance module: member organisations, roles (the ledger authorises
 * every action from `roles/<role>/<did>` in this module's state) and M-of-N
 * proposals that change them.
 *
 * @example createLedger({ genesis, keys, path, modules: [governance, notary] })
 */
export const governance = defineModule({
  name: GOVERNANCE,
  description: 'Member organisations, roles and M-of-N proposals that change them.',
  actions: { propose, approve, reject },
  queries: { members, member, proposals, proposal, roles, hasRole },
  projection: governanceProjection,
  genesis: seedGenesis,
})
