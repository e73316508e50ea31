import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { didKeyFromJwk } from '@tabularium/core'
import { generateKeyPair } from '@tabularium/core/node'
import { createLedger, type ModuleDefinition, type SubmitResult } from '@tabularium/ledger'
import { createSandboxNetwork, governance } from '@tabularium/module-governance'
import { signTestTransaction, type TestSigner } from '@tabularium/module-governance/testing'
import { grants } from './grants.js'

// Helpers shared by this package's tests (not exported from the package).

/** A fresh key pair and its did:key. */
export function newSigner(): TestSigner {
  const { privateJwk, publicJwk } = generateKeyPair()
  return { did: didKeyFromJwk(publicJwk), privateJwk }
}

/** The code of a result: 'ok', or the refusal's code (admission or execution). */
export function codeOf(result: SubmitResult): string {
  if (!result.ok) return result.error.code
  return result.outcome.status === 'accepted' ? 'ok' : result.outcome.code
}

/**
 * `createLedger` on a SQLite file for a three-member sandbox with the
 * grants module, and a clock the test moves.
 */
export async function openTestLedger(p: { start?: string; modules?: readonly ModuleDefinition[] } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'tabularium-grants-'))
  let now = Date.parse(p.start ?? '2026-03-02T09:00:00.000Z')
  const { genesis, members } = createSandboxNetwork({
    organisations: ['Groningen', 'Zuidhorn', 'Leuven'],
    now: now - 86_400_000,
  })
  const ledger = await createLedger({
    genesis,
    keys: (members[0] as (typeof members)[number]).nodeKeys,
    modules: [governance, ...(p.modules ?? [grants])],
    path: join(dir, 'ledger.db'),
    clock: () => now,
    verifierThreads: 1,
    blockIntervalMs: 1,
    logger: { error: () => {}, warn: () => {} },
  })
  const sign = (signer: TestSigner, action: string, args: Record<string, unknown>, module = 'grants') =>
    signTestTransaction({ ...signer, network: genesis.network, module, action, args, now })
  return {
    ledger,
    members,
    sign,
    async send(signer: TestSigner, action: string, args: Record<string, unknown>, module = 'grants') {
      const [result] = (await ledger.submit([sign(signer, action, args, module)])) as [SubmitResult]
      return { code: codeOf(result), result }
    },
    query: (name: string, params: Record<string, unknown> = {}, module = 'grants') =>
      ledger.query(module, name, params) as any,
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
