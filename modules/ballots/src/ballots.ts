import { defineModule } from '@tabularium/ledger'
import { cast } from './actions/cast.js'
import { addCensusCodes, issueToken } from './actions/census.js'
import { confirmShares, registerCeremonyKey, submitDealing } from './actions/ceremony.js'
import { closeCeremony } from './actions/closeCeremony.js'
import { complainDealing } from './actions/complaints.js'
import { createBallot } from './actions/createBallot.js'
import { publishPartial, publishTally } from './actions/decryption.js'
import { createPetition, signPetition } from './actions/petitions.js'
import { BALLOTS } from './keys.js'
import { ballotsProjection } from './projection.js'
import { ballot, ballots, castStatus, entries, result, turnout } from './queries/ballotQueries.js'
import { encryptedShares } from './queries/encryptedShares.js'
import { encryptedTally } from './queries/encryptedTally.js'
import { petition, petitions } from './queries/petitionQueries.js'

/**
 * The ballots module: anonymous, verifiable ballots (single, multiple,
 * approval, participatory budget), their trustees' key ceremony and
 * threshold decryption, and petitions — DESIGN §1 use case 6, §2.5.
 *
 * @example createLedger({ genesis, keys, path, modules: [governance, ballotsModule] })
 */
export const ballotsModule = defineModule({
  name: BALLOTS,
  description: 'Anonymous, verifiable ballots, participatory budgets and petitions.',
  actions: {
    createBallot,
    addCensusCodes,
    registerCeremonyKey,
    submitDealing,
    complainDealing,
    confirmShares,
    closeCeremony,
    issueToken,
    cast,
    publishPartial,
    publishTally,
    createPetition,
    signPetition,
  },
  queries: {
    ballot,
    ballots,
    turnout,
    result,
    castStatus,
    entries,
    encryptedShares,
    encryptedTally,
    petition,
    petitions,
  },
  projection: ballotsProjection,
})
