import type { ModuleDefinition } from '@tabularium/ledger'
import type { Genesis } from '@tabularium/protocol'
import { governance } from '../governance.js'
import { createSandboxNetwork, type SandboxMember } from '../sandbox.js'
import { createMemoryLedger, type MemoryLedger } from './createMemoryLedger.js'

/** Options of `createTestNetwork`. */
export interface CreateTestNetworkParameters {
  /** Organisation names; default three. */
  organisations?: readonly string[]
  /** Governance threshold; default the sandbox's majority. */
  threshold?: number
  /** Modules besides governance. */
  modules?: readonly ModuleDefinition[]
  /** Extra genesis fields (roles, memberRoles, …). */
  genesis?: Partial<Genesis>
  start?: string
}

/** A sandbox network running on the memory ledger. */
export interface TestNetwork {
  ledger: MemoryLedger
  genesis: Genesis
  members: SandboxMember[]
}

/**
 * A sandbox network (real keys and DIDs) with governance and `modules`
 * installed on an in-memory ledger, for unit tests.
 *
 * @example
 * const { ledger, members } = createTestNetwork({ threshold: 2 })
 * ledger.run({ module: 'governance', action: 'propose', signer: members[0].did, args })
 */
export function createTestNetwork(p: CreateTestNetworkParameters = {}): TestNetwork {
  const { organisations = ['Leuven', 'Gent', 'Brugge'], modules = [] } = p
  const sandbox = createSandboxNetwork({ organisations, now: Date.parse(p.start ?? '2026-01-01T00:00:00.000Z') })
  const genesis: Genesis = {
    ...sandbox.genesis,
    ...(p.threshold === undefined ? {} : { governanceThreshold: p.threshold }),
    ...p.genesis,
  }
  const ledger = createMemoryLedger({ genesis, modules: [governance, ...modules] })
  return { ledger, genesis, members: sandbox.members }
}
