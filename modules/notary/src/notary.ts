import { defineModule } from '@tabularium/ledger'
import { revoke } from './actions/revoke.js'
import { stamp } from './actions/stamp.js'
import { NOTARY } from './keys.js'
import { notaryProjection } from './projection.js'
import { byHash } from './queries/byHash.js'
import { list } from './queries/list.js'
import { stats } from './queries/stats.js'

/**
 * The notary module: stamp a document's SHA-256 hash, look it up, list and
 * count stamps — the notarisation API of public-sector pilots, on the ledger.
 *
 * @example createLedger({ genesis, keys, path, modules: [governance, notary] })
 */
export const notary = defineModule({
  name: NOTARY,
  description: 'Stamps document hashes; look them up by hash, list and count them.',
  actions: { stamp, revoke },
  queries: { byHash, list, stats },
  projection: notaryProjection,
})
