import type { ModuleDefinition } from '@tabularium/ledger'
import { openModuleTestLedger } from '@tabularium/module-governance/testing'
import { vouchers } from './vouchers.js'

// Helpers shared by this package's tests (not exported from the package).
export { codeOf, newSigner } from '@tabularium/module-governance/testing'

/** A three-member sandbox ledger on a SQLite file with the vouchers module, and a clock the test moves. */
export function openTestLedger(p: { start?: string; modules?: readonly ModuleDefinition[] } = {}) {
  return openModuleTestLedger({ module: vouchers, ...p })
}
