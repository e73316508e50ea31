import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { PrivateJwk } from '@tabularium/core'
import { createLedger, type Ledger, type ModuleDefinition, type SubmitResult } from '@tabularium/ledger'
import type { Genesis } from '@tabularium/protocol'
import { governance } from '../governance.js'
import { createSandboxNetwork, type SandboxMember } from '../sandbox.js'
import { codeOf } from './openModuleTestLedger.js'
import { signTestTransaction } from './signTestTransaction.js'

/** Anyone who signs: a sandbox member or another key pair. */
export type TestSigner = { did: string; privateJwk: PrivateJwk }

/** A real ledger on a SQLite file of a sandbox network. */
export interface SandboxLedger {
  ledger: Ledger
  genesis: Genesis
  members: SandboxMember[]
  /** Signs and submits one transaction; its outcome code, or 'ok'. */
  send(
    signer: TestSigner,
    module: string,
    action: string,
    args: Record<string, unknown>,
  ): Promise<{ code: string; result: SubmitResult }>
  close(): Promise<void>
}

/**
 * Opens `createLedger` on a SQLite file in a temporary directory for a new
 * sandbox network (governance plus `modules`), as member 0's node.
 *
 * @example const t = await openSandboxLedger({ organisations: ['Leuven', 'Gent', 'Brugge'], modules: [notary] })
 */
export async function openSandboxLedger(p: {
  organisations: readonly string[]
  modules?: readonly ModuleDefinition[]
}): Promise<SandboxLedger> {
  const dir = mkdtempSync(join(tmpdir(), 'tabularium-governance-'))
  const { genesis, members } = createSandboxNetwork({ organisations: p.organisations, now: Date.now() })
  const ledger = await createLedger({
    genesis,
    keys: (members[0] as SandboxMember).nodeKeys,
    modules: [governance, ...(p.modules ?? [])],
    path: join(dir, 'ledger.db'),
    verifierThreads: 1,
    blockIntervalMs: 1,
    logger: { error: () => {}, warn: () => {} },
  })
  return {
    ledger,
    genesis,
    members,
    async send(signer, module, action, args) {
      const signed = signTestTransaction({ ...signer, network: genesis.network, module, action, args, now: Date.now() })
      const [result] = (await ledger.submit([signed])) as [SubmitResult]
      return { code: codeOf(result), result }
    },
    async close() {
      await ledger.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
