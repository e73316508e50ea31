import assert from 'node:assert/strict'
import { test } from 'node:test'
import Database from 'better-sqlite3'
import { signTransaction } from '../testing/fixtures.js'
import { openTestLedger } from '../testing/openTestLedger.js'
import { waitFor } from '../testing/waitFor.js'
import type { Ledger } from '../types.js'

const set = (signer: Parameters<typeof signTransaction>[0]['signer'], key: string) =>
  signTransaction({ signer, module: 'registry', action: 'set', args: { key, value: `value of ${key}` } })

async function commitFor(ledger: Ledger, signer: Parameters<typeof set>[0], ms: number): Promise<number> {
  let n = 0
  for (const end = Date.now() + ms; Date.now() < end; ) {
    const results = await ledger.submit(Array.from({ length: 20 }, () => set(signer, `k${n++}`)))
    assert.ok(results.every((r) => r.ok))
  }
  return n
}

test('a busy node with its scrubber on raises no false alarm; the same node stops writing once a leaf is altered behind its back', async () => {
  const t = await openTestLedger({ integrityIntervalMs: 20 })
  try {
    const committed = await commitFor(t.ledger, t.member, 2_500)
    assert.ok(committed > 100)
    assert.deepEqual(t.ledger.health(), { status: 'ok' })
    const intruder = new Database(t.path)
    intruder
      .prepare(
        "UPDATE entries SET leaf = CAST(REPLACE(CAST(leaf AS TEXT), 'value of k7', 'value of k8') AS BLOB) WHERE idx = 7",
      )
      .run()
    intruder.close()
    await waitFor('the node to stop', () => t.ledger.health().status === 'stopped')
    const health = t.ledger.health()
    assert.ok(health.status === 'stopped' && health.reason === 'altered', JSON.stringify(health))
    assert.equal(health.details?.table, 'entries')
    const [refused] = await t.ledger.submit([set(t.member, 'after')])
    assert.ok(refused !== undefined && !refused.ok && refused.error.code === 'NODE_STOPPED')
    assert.equal(refused.error.details?.reason, 'altered')
  } finally {
    await t.cleanup()
  }
})

test('a state row altered behind the node’s back (with the stored sum rewritten to match) stops it too', async () => {
  const t = await openTestLedger({ integrityIntervalMs: 20 })
  try {
    await commitFor(t.ledger, t.member, 300)
    const intruder = new Database(t.path)
    intruder
      .prepare("UPDATE state SET value = '{\"value\":\"forged\"}' WHERE module = 'registry' AND key = 'item/k3'")
      .run()
    intruder.close()
    await waitFor('the node to stop', () => t.ledger.health().status === 'stopped', 30_000)
    const health = t.ledger.health()
    assert.ok(health.status === 'stopped' && health.reason === 'altered', JSON.stringify(health))
  } finally {
    await t.cleanup()
  }
})
