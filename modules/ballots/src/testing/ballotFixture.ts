import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { didKeyFromJwk, sha256, toHex, utf8 } from '@tabularium/core'
import { generateKeyPair } from '@tabularium/core/node'
import { createLedger, type Ledger, type SignedTransaction, type SubmitResult } from '@tabularium/ledger'
import { createSandboxNetwork, governance, type SandboxMember } from '@tabularium/module-governance'
import { signTestTransaction, type TestSigner } from '@tabularium/module-governance/testing'
import {
  blindToken,
  createTokenIssuer,
  finalizeToken,
  type Token,
  type TokenPrivateKey,
  type TokenPublicKey,
} from '@tabularium/voting'
import { signBlindedFast } from '@tabularium/voting/node'
import { ballotsModule } from '../ballots.js'

/** A ledger of a 3-member sandbox with the ballots module and a clock the test moves. */
export type BallotsLedger = {
  ledger: Ledger
  members: SandboxMember[]
  /** The ledger's clock (ms); `advance` moves it. */
  now(): number
  advance(ms: number): void
  sign(signer: TestSigner, action: string, args: Record<string, unknown>): SignedTransaction
  send(
    signer: TestSigner,
    action: string,
    args: Record<string, unknown>,
  ): Promise<{ code: string; result: SubmitResult }>
  /** Closes the ledger and opens the same file again, e.g. with another number of verifier threads. */
  reopen(p?: { verifierThreads?: number }): Promise<void>
  close(): Promise<void>
}

/**
 * Opens `createLedger` on a temporary SQLite file for a sandbox network
 * (Leuven, Gent, Brugge) with governance and ballots, on a test clock.
 *
 * @example const t = await openBallotsLedger()
 */
export async function openBallotsLedger(p: { verifierThreads?: number } = {}): Promise<BallotsLedger> {
  const dir = mkdtempSync(join(tmpdir(), 'tabularium-ballots-'))
  let clock = Date.parse('2026-03-01T09:00:00.000Z')
  const { genesis, members } = createSandboxNetwork({ organisations: ['Leuven', 'Gent', 'Brugge'], now: clock })
  const open = (verifierThreads = 1) =>
    createLedger({
      genesis,
      keys: (members[0] as SandboxMember).nodeKeys,
      modules: [governance, ballotsModule],
      path: join(dir, 'ledger.db'),
      // The clock ticks on every read, as a real one would: entries never share a time by accident.
      clock: () => ++clock,
      verifierThreads,
      blockIntervalMs: 1,
      logger: { error: (d, m) => console.error(m, d), warn: () => {} },
    })
  let ledger = await open(p.verifierThreads)
  const sign = (signer: TestSigner, action: string, args: Record<string, unknown>) =>
    signTestTransaction({ ...signer, network: genesis.network, module: 'ballots', action, args, now: clock })
  return {
    get ledger() {
      return ledger
    },
    members,
    now: () => clock,
    advance: (ms) => {
      clock += ms
    },
    sign,
    async send(signer, action, args) {
      const [result] = (await ledger.submit([sign(signer, action, args)], { receipts: true })) as [SubmitResult]
      return { code: codeOf(result), result }
    },
    async reopen(q = {}) {
      await ledger.close()
      ledger = await open(q.verifierThreads)
    },
    async close() {
      await ledger.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** 'ok', or the refusal code (at admission or execution). */
export function codeOf(result: SubmitResult): string {
  if (!result.ok) return result.error.code
  return result.outcome.status === 'accepted' ? 'ok' : result.outcome.code
}

/** The refusal's message at execution ('' when accepted or refused at admission). */
export function messageOf(res: { result: SubmitResult }): string {
  return res.result.ok && res.result.outcome.status === 'rejected' ? res.result.outcome.message : ''
}

/** A throw-away signer, as a wallet makes for each ballot. */
export function ephemeralSigner(): TestSigner {
  const { privateJwk, publicJwk } = generateKeyPair({ algorithm: 'EdDSA' })
  return { did: didKeyFromJwk(publicJwk), privateJwk }
}

/** A token issuer (RFC 9474, 2048 bits) for a process. */
export function createIssuer(): Promise<{ publicKey: TokenPublicKey; privateKey: TokenPrivateKey }> {
  return createTokenIssuer({ modulusLength: 2048 })
}

/** The census-member hash a desk records for a one-time code. */
export function codeHash(code: string): string {
  return toHex(sha256(utf8(code)))
}

/**
 * The token desk in one function: records the issuance for census member
 * `member` (signed by member 0's organisation), then blind-signs; the voter
 * unblinds. Returns the token, which the desk never saw.
 *
 * @example const token = await obtainToken(t, { process: 'pb-2026', member: codeHash('K7Q-2MX'), issuer })
 */
export async function obtainToken(
  t: BallotsLedger,
  p: { process: string; member: string; issuer: { publicKey: TokenPublicKey; privateKey: TokenPrivateKey } },
): Promise<Token> {
  const { blindedMessage, state } = await blindToken({ publicKey: p.issuer.publicKey })
  const res = await t.send(t.members[0] as SandboxMember, 'issueToken', { process: p.process, member: p.member })
  if (res.code !== 'ok') throw Object.assign(new Error(`issueToken: ${res.code}`), { code: res.code })
  const blindSignature = signBlindedFast({ privateKey: p.issuer.privateKey, blindedMessage })
  return finalizeToken({ publicKey: p.issuer.publicKey, state, blindSignature })
}
