import assert from 'node:assert/strict'
import { test } from 'node:test'
import { toBase64Url } from '@tabularium/core'
import { signBytes } from '@tabularium/core/node'
import { LIMITS, type SignedTransaction, transactionSigningInput } from '@tabularium/protocol'
import Database from 'better-sqlite3'
import { createSigner, signTransaction } from '../testing/fixtures.js'
import { openTestLedger, type TestLedger } from '../testing/openTestLedger.js'
import type { SubmitResult } from '../types.js'

const alice = createSigner()
const set = (over: Partial<Parameters<typeof signTransaction>[0]> = {}) =>
  signTransaction({ signer: alice, module: 'registry', action: 'set', args: { key: 'k', value: 'v' }, ...over })

async function refusedWith(t: TestLedger, value: unknown, code: string): Promise<SubmitResult & { ok: false }> {
  const before = t.ledger.checkpoint()
  const [result] = await t.ledger.submit([value])
  assert.ok(result && !result.ok, `expected a refusal with ${code}`)
  assert.equal(result.error.code, code, result.error.message)
  assert.deepEqual(t.ledger.checkpoint(), before, 'nothing is appended')
  return result
}

test('refuses each bad transaction with its catalogue code and appends nothing', async (s) => {
  const t = await openTestLedger()
  s.after(() => t.cleanup())
  await s.test('INVALID_REQUEST lists every bad field', async () => {
    const { error } = await refusedWith(t, { tx: { v: 2, network: 'X' }, sig: 'short' }, 'INVALID_REQUEST')
    const paths = ((error.details?.issues as { path: string }[] | undefined) ?? []).map((issue) => issue.path)
    assert.ok(
      paths.includes('tx.v') && paths.includes('tx.network') && paths.includes('tx.module') && paths.includes('sig'),
    )
  })
  await s.test(
    'PAYLOAD_TOO_LARGE',
    async () =>
      void (await refusedWith(
        t,
        set({ args: { key: 'k', value: 'x'.repeat(LIMITS.maxTransactionBytes) } }),
        'PAYLOAD_TOO_LARGE',
      )),
  )
  await s.test('WRONG_NETWORK', async () => void (await refusedWith(t, set({ network: 'othernet' }), 'WRONG_NETWORK')))
  await s.test(
    'EXPIRED',
    async () => void (await refusedWith(t, set({ expires: new Date(Date.now() - 1000).toISOString() }), 'EXPIRED')),
  )
  await s.test(
    'EXPIRY_TOO_FAR',
    async () =>
      void (await refusedWith(
        t,
        set({ expires: new Date(Date.now() + LIMITS.maxExpiryMs + 60_000).toISOString() }),
        'EXPIRY_TOO_FAR',
      )),
  )
  await s.test('INVALID_DID', async () => {
    const tx = { ...set().tx, signer: 'did:web:example.org' }
    await refusedWith(t, { tx, sig: 'A'.repeat(86) }, 'INVALID_DID')
  })
  await s.test('UNKNOWN_MODULE', async () => void (await refusedWith(t, set({ module: 'nope' }), 'UNKNOWN_MODULE')))
  await s.test('UNKNOWN_ACTION', async () => void (await refusedWith(t, set({ action: 'nope' }), 'UNKNOWN_ACTION')))
  await s.test(
    'UNKNOWN_ACTION for inherited names',
    async () => void (await refusedWith(t, set({ action: 'toString' }), 'UNKNOWN_ACTION')),
  )
  await s.test('INVALID_ARGS lists the bad arguments', async () => {
    const { error } = await refusedWith(t, set({ args: { key: '', value: 3 } }), 'INVALID_ARGS')
    assert.deepEqual(((error.details?.issues as { path: string }[] | undefined) ?? []).map((i) => i.path).sort(), [
      'key',
      'value',
    ])
  })
  await s.test(
    'UNAUTHORISED without the role',
    async () => void (await refusedWith(t, set({ action: 'restricted', args: { key: 'r' } }), 'UNAUTHORISED')),
  )
  await s.test('INVALID_SIGNATURE for a signature by another key', async () => {
    const signed = set()
    const forged = toBase64Url(
      signBytes({ privateJwk: createSigner().privateJwk, data: transactionSigningInput(signed.tx) }),
    )
    await refusedWith(t, { tx: signed.tx, sig: forged }, 'INVALID_SIGNATURE')
  })
  await s.test('INVALID_SIGNATURE for a tampered envelope', async () => {
    const signed = set()
    await refusedWith(
      t,
      { tx: { ...signed.tx, args: { key: 'k2', value: 'v' } }, sig: signed.sig },
      'INVALID_SIGNATURE',
    )
  })
  await s.test('a member holds its memberRoles', async () => {
    const [result] = await t.ledger.submit([set({ signer: t.member, action: 'restricted', args: { key: 'm' } })])
    assert.ok(result?.ok && result.outcome.status === 'accepted')
  })
})

test('accepts P-256 (ES256) signers', async () => {
  const t = await openTestLedger()
  try {
    const [result] = await t.ledger.submit([set({ signer: createSigner({ algorithm: 'ES256' }) })], { receipts: true })
    assert.ok(result?.ok, JSON.stringify(result))
  } finally {
    await t.cleanup()
  }
})

test('refuses a replay within one batch and of a committed transaction', async () => {
  const t = await openTestLedger()
  try {
    const tx = set({ args: { key: 'once', value: 'v' } })
    const sameNonce = set({ nonce: tx.tx.nonce, args: { key: 'other', value: 'v' } })
    const results = await t.ledger.submit([tx, tx, sameNonce])
    assert.deepEqual(
      results.map((r) => (r.ok ? 'ok' : r.error.code)),
      ['ok', 'REPLAYED', 'REPLAYED'],
    )
    await refusedWith(t, tx, 'REPLAYED')
    assert.equal(t.ledger.checkpoint().treeSize, 1)
  } finally {
    await t.cleanup()
  }
})

test('frees the nonce of a transaction whose signature failed', async () => {
  const t = await openTestLedger()
  try {
    const good = set()
    const bad: SignedTransaction = { tx: good.tx, sig: toBase64Url(new Uint8Array(64)) }
    await refusedWith(t, bad, 'INVALID_SIGNATURE')
    const [result] = await t.ledger.submit([good])
    assert.ok(result?.ok)
  } finally {
    await t.cleanup()
  }
})

test('refuses with OVERLOADED beyond maxPending, and NODE_STOPPED once closing', async () => {
  const t = await openTestLedger({ maxPending: 2 })
  try {
    const results = await t.ledger.submit([
      set({ args: { key: 'a', value: 'v' } }),
      set({ args: { key: 'b', value: 'v' } }),
      set(),
    ])
    assert.deepEqual(
      results.map((r) => (r.ok ? 'ok' : r.error.code)),
      ['ok', 'ok', 'OVERLOADED'],
    )
    await t.ledger.close()
    const [stopped] = await t.ledger.submit([set()])
    assert.equal(!stopped?.ok && stopped?.error.code, 'NODE_STOPPED')
    assert.equal(t.ledger.stats().refused.OVERLOADED, 1)
  } finally {
    await t.cleanup()
  }
})

test('prunes expired nonces, whose transactions are refused as EXPIRED anyway', async () => {
  let now = Date.now()
  const t = await openTestLedger({ clock: () => now })
  try {
    const old = set({ now, expires: new Date(now + 60_000).toISOString() })
    await t.ledger.submit([old])
    now += 10 * 60_000
    await t.ledger.submit([set({ now })])
    await t.ledger.close()
    const db = new Database(t.path, { readonly: true })
    const signers = db.prepare('SELECT nonce FROM nonces').pluck().all()
    db.close()
    assert.deepEqual(signers.includes(old.tx.nonce), false)
    const ledger = await t.reopen()
    const [again] = await ledger.submit([old])
    assert.equal(!again?.ok && again?.error.code, 'EXPIRED')
  } finally {
    await t.cleanup()
  }
})
