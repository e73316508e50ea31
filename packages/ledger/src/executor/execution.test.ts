import assert from 'node:assert/strict'
import { test } from 'node:test'
import { createSigner, signTransaction } from '../testing/fixtures.js'
import { openTestLedger } from '../testing/openTestLedger.js'

const alice = createSigner()
const call = (action: string, args: Record<string, unknown> = {}, signer = alice) =>
  signTransaction({ signer, module: 'registry', action, args })

test('logs a transaction its module refuses, with the code, and writes nothing', async () => {
  const t = await openTestLedger()
  try {
    const [result] = await t.ledger.submit([call('conflict')], { receipts: true })
    assert.ok(result?.ok)
    assert.deepEqual(result.outcome, { status: 'rejected', code: 'CONFLICT', message: 'always conflicts' })
    assert.deepEqual(t.ledger.entry(0)?.entry.outcome, result.outcome)
    assert.equal(t.ledger.state('registry', 'should-not-exist'), undefined)
    assert.equal(t.ledger.checkpoint().treeSize, 1)
  } finally {
    await t.cleanup()
  }
})

test('records an unexpected error as EXECUTION_FAILED without its details', async () => {
  const logged: unknown[] = []
  const t = await openTestLedger({ logger: { error: (details) => logged.push(details), warn: () => {} } })
  try {
    const [result] = await t.ledger.submit([call('boom')])
    assert.ok(result?.ok)
    assert.deepEqual(result.outcome, { status: 'rejected', code: 'EXECUTION_FAILED', message: 'the action failed' })
    assert.ok(!JSON.stringify(t.ledger.entry(0)).includes('secret'))
    assert.equal(t.ledger.state('registry', 'should-not-exist'), undefined)
    assert.equal(logged.length, 1, 'the error is logged for the operator')
  } finally {
    await t.cleanup()
  }
})

test('a later transaction of the same block sees the writes of an earlier one', async () => {
  const t = await openTestLedger()
  try {
    const results = await t.ledger.submit([
      call('set', { key: 'x', value: '1' }),
      call('set', { key: 'x', value: '2' }),
    ])
    assert.deepEqual(
      results.map((r) => r.ok && r.outcome.status),
      ['accepted', 'rejected'],
    )
    assert.equal(
      results[1]?.ok && results[1].outcome.status === 'rejected' && results[1].outcome.code,
      'ALREADY_EXISTS',
    )
    assert.equal(t.ledger.entry(0)?.entry.block, t.ledger.entry(1)?.entry.block)
  } finally {
    await t.cleanup()
  }
})

test('checks access again at execution: a role revoked earlier in the block counts', async () => {
  const admin = createSigner()
  const clerk = createSigner()
  const t = await openTestLedger({ roles: { admin: [admin.did], registrar: [clerk.did] }, blockIntervalMs: 50 })
  try {
    const revoke = signTransaction({
      signer: admin,
      module: 'governance',
      action: 'revoke',
      args: { role: 'registrar', did: clerk.did },
    })
    const results = await Promise.all([
      t.ledger.submit([revoke]),
      t.ledger.submit([call('restricted', { key: 'late' }, clerk)]),
    ])
    const outcome = results[1][0]?.ok ? results[1][0].outcome : undefined
    assert.deepEqual(outcome && outcome.status === 'rejected' && outcome.code, 'UNAUTHORISED')
    assert.equal(t.ledger.state('registry', 'restricted/late'), undefined)
    const [refused] = await t.ledger.submit([call('restricted', { key: 'later' }, clerk)])
    assert.equal(!refused?.ok && refused?.error.code, 'UNAUTHORISED', 'refused at admission once committed')
  } finally {
    await t.cleanup()
  }
})

test('commits a block all or nothing: a failing projection leaves no trace of the block', async () => {
  const t = await openTestLedger()
  try {
    await t.ledger.submit([call('set', { key: 'before', value: 'v' })])
    const before = t.ledger.checkpoint()
    const poison = call('set', { key: 'poison', value: 'v' })
    const results = await t.ledger.submit([call('set', { key: 'ok-in-same-block', value: 'v' }), poison])
    assert.deepEqual(
      results.map((r) => (r.ok ? 'ok' : r.error.code)),
      ['INTERNAL', 'INTERNAL'],
    )
    assert.deepEqual(t.ledger.checkpoint(), before)
    assert.equal(t.ledger.entry(1), undefined)
    assert.equal(t.ledger.state('registry', 'item/ok-in-same-block'), undefined)
    assert.deepEqual(
      (t.ledger.query('registry', 'projected', {}) as { key: string }[]).map((row) => row.key),
      ['before'],
    )
    // The ledger goes on, on the same tree; the refused nonces are free again.
    const again = await t.ledger.submit([call('set', { key: 'after', value: 'v' })], { receipts: true })
    assert.ok(again[0]?.ok && again[0].index === 1)
    const ledger = await t.reopen()
    assert.equal(ledger.checkpoint().treeSize, 2)
  } finally {
    await t.cleanup()
  }
})
