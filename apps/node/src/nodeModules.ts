import type { ModuleDefinition } from '@tabularium/ledger'
import { ballotsModule } from '@tabularium/module-ballots'
import { governance } from '@tabularium/module-governance'
import { grants } from '@tabularium/module-grants'
import { notary } from '@tabularium/module-notary'
import { registry } from '@tabularium/module-registry'
import { vouchers } from '@tabularium/module-vouchers'
import { vaultModule } from '@tabularium/vault'

/**
 * The modules every Tabularium node installs, in one list, so that whatever
 * re-executes a node's log (`tabularium audit`, a recount, a new member
 * catching up) runs exactly the code the node ran.
 *
 * @example await auditLedger({ path, genesis, modules: NODE_MODULES })
 */
export const NODE_MODULES: readonly ModuleDefinition[] = [
  governance,
  notary,
  ballotsModule,
  registry,
  vaultModule,
  vouchers,
  grants,
]
