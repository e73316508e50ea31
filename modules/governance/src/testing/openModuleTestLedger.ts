import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { didKeyFromJwk } from '@tabularium/core'
import { generateKeyPair } from '@tabularium/core/node'
import { createLedger, type ModuleDefinition, type SubmitResult } from '@tabularium/ledger'
import { governance } from '../governance.js'
import { createSandboxNetwork } from '../sandbox.js'
import type { TestSigner } from './openSandboxLedger.js'
import { signTestTransaction } from './signTestTransaction.js'

/** A fresh key pair and its did:key. */
export function newSigner(): TestSigner {
  const { privateJwk, publicJwk } = generateKeyPair()
  return { did: didKeyFromJwk(publicJwk), privateJwk }
}

/**
 * The code of a result: 'ok', or the refusal's code. Refused at admission (not
 * logged) or rejected at execution (logged): both are refusals to the caller.
 */
export function codeOf(result: SubmitResult): string {
  if (!result.ok) return result.error.code
  return result.outcome.status === 'accepted' ? 'ok' : result.outcome.code
}

/**
 * `createLedger` on a SQLite file for a three-member sandbox (Groningen,
 * Zuidhorn, Leuven) with governance and `module` (or `modules`), and a clock
 * the test moves. `send`, `sign` and `query` default to `module`.
 *
 * @example const t = await openModuleTestLedger({ module: vouchers }); await t.send(t.members[0], 'createFund', args)
 */
export async function openModuleTestLedger(p: {
  module: ModuleDefinition
  modules?: readonly ModuleDefinition[]
  start?: string
}) {
  const name = p.module.name
  const dir = mkdtempSync(join(tmpdir(), `tabularium-${name}-`))
  let now = Date.parse(p.start ?? '2026-03-02T09:00:00.000Z')
  const { genesis, members } = createSandboxNetwork({
    organisations: ['Groningen', 'Zuidhorn', 'Leuven'],
    now: now - 86_400_000,
  })
  const ledger = await createLedger({
    genesis,
    keys: (members[0] as (typeof members)[number]).nodeKeys,
    modules: [governance, ...(p.modules ?? [p.module])],
    path: join(dir, 'ledger.db'),
    clock: () => now,
    verifierThreads: 1,
    blockIntervalMs: 1,
    logger: { error: () => {}, warn: () => {} },
  })
  const sign = (signer: TestSigner, action: string, args: Record<string, unknown>, module = name) =>
    signTestTransaction({ ...signer, network: genesis.network, module, action, args, now })
  return {
    ledger,
    members,
    sign,
    async send(signer: TestSigner, action: string, args: Record<string, unknown>, module = name) {
      const [result] = (await ledger.submit([sign(signer, action, args, module)])) as [SubmitResult]
      return { code: codeOf(result), result }
    },
    // biome-ignore lint/suspicious/noExplicitAny: tests read query results loosely
    query: (query: string, params: Record<string, unknown> = {}, module = name) =>
      ledger.query(module, query, params) as any,
    now: () => now,
    setTime(time: string) {
      now = Date.parse(time)
    },
    async close() {
      await ledger.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
