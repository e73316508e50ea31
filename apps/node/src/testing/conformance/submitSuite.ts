import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { SubmitResult } from '@tabularium/ledger'
import { transactionId } from '@tabularium/protocol'
import { checkReceipt } from '../checkReceipt.js'
import { randomHash } from '../createTestNetwork.js'
import type { TestNode } from '../createTestNode.js'
import { expectError, submit } from '../requests.js'

type Results = { results: SubmitResult[]; error?: { code: string } }

/** POST /v1/transactions: single, batch, statuses, receipts, and admission refusals. */
export function submitSuite(node: () => TestNode): void {
  test('commits one transaction and answers a receipt that verifies offline', async () => {
    const { fetch, net } = node()
    const tx = net.sign()
    const response = await submit(fetch, tx)
    assert.equal(response.status, 200)
    const { results } = (await response.json()) as Results
    const [result] = results
    assert.ok(result?.ok)
    assert.equal(result.txid, transactionId(tx))
    assert.deepEqual(result.outcome.status, 'accepted')
    assert.ok(result.receipt)
    checkReceipt({ receipt: result.receipt, net })
  })

  test('commits a batch (200), reports a mixed batch (207) and an all-refused one by its first code', async () => {
    const { fetch, net } = node()
    const all = await submit(fetch, { transactions: [net.sign(), net.sign(), net.sign()] })
    assert.equal(all.status, 200)
    assert.equal(((await all.json()) as Results).results.length, 3)
    const forged = { ...net.sign(), sig: net.sign().sig }
    const mixed = await submit(fetch, { transactions: [net.sign(), forged] })
    assert.equal(mixed.status, 207)
    const { results } = (await mixed.json()) as Results
    assert.equal(results[0]?.ok, true)
    assert.deepEqual(results[1]?.ok === false && results[1].error.code, 'INVALID_SIGNATURE')
    const refused = await submit(fetch, { transactions: [net.sign({ network: 'elsewhere' }), forged] })
    await expectError(refused, 'WRONG_NETWORK')
  })

  test('with wait=false results carry no receipt', async () => {
    const { fetch, net } = node()
    const response = await submit(fetch, net.sign(), { query: '?wait=false' })
    assert.equal(response.status, 200)
    const [result] = ((await response.json()) as Results).results
    assert.ok(result?.ok && result.receipt === undefined)
    await expectError(await submit(fetch, net.sign(), { query: '?wait=maybe' }), 'INVALID_REQUEST')
  })

  test('refuses at admission with the catalogue code, and the tree does not grow', async () => {
    const { fetch, net, ledger } = node()
    const before = ledger.checkpoint().treeSize
    const committed = net.sign()
    assert.equal((await submit(fetch, committed)).status, 200)
    const cases: [unknown, string][] = [
      [committed, 'REPLAYED'],
      [net.sign({ network: 'other-network' }), 'WRONG_NETWORK'],
      [net.sign({ expires: new Date(Date.now() - 1000).toISOString() }), 'EXPIRED'],
      [net.sign({ expires: new Date(Date.now() + 3 * 86_400_000).toISOString() }), 'EXPIRY_TOO_FAR'],
      [net.sign({ module: 'lottery' }), 'UNKNOWN_MODULE'],
      [net.sign({ action: 'shred' }), 'UNKNOWN_ACTION'],
      [net.sign({ args: { hash: 'not-hex' } }), 'INVALID_ARGS'],
      [net.sign({ privateJwk: net.outsider.privateJwk, signer: net.outsider.did }), 'UNAUTHORISED'],
      [{ ...net.sign(), sig: net.sign().sig }, 'INVALID_SIGNATURE'],
      [{ tx: { ...net.sign().tx, v: 2 }, sig: 'A'.repeat(86) }, 'INVALID_REQUEST'],
      [net.sign({ signer: 'did:key:zNotAKey' }), 'INVALID_DID'],
      [{ transactions: [] }, 'INVALID_REQUEST'],
      [{ transactions: Array.from({ length: 1001 }, () => ({})) }, 'PAYLOAD_TOO_LARGE'],
      [[net.sign()], 'INVALID_REQUEST'],
      [net.sign({ args: { hash: randomHash(), note: 'x'.repeat(70_000) } }), 'PAYLOAD_TOO_LARGE'],
    ]
    for (const [body, code] of cases) await expectError(await submit(fetch, body), code)
    assert.equal(ledger.checkpoint().treeSize, before + 1)
  })

  test('refuses bodies that are not JSON, not application/json, or too large', async () => {
    const { fetch } = node()
    await expectError(await submit(fetch, '{"tx":'), 'INVALID_JSON')
    await expectError(await submit(fetch, `{"a":${'['.repeat(100)}${']'.repeat(100)}}`), 'INVALID_JSON')
    await expectError(
      await submit(fetch, '{}', { headers: { 'content-type': 'text/plain' } }),
      'UNSUPPORTED_MEDIA_TYPE',
    )
    await expectError(await fetch('/v1/transactions', { method: 'POST', body: '{}' }), 'UNSUPPORTED_MEDIA_TYPE')
    const huge = new Uint8Array(9 * 1024 * 1024).fill(0x20)
    await expectError(
      await fetch('/v1/transactions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: huge }),
      'PAYLOAD_TOO_LARGE',
    )
  })

  test('refuses a streamed body over the limit without a Content-Length', async () => {
    const { fetch } = node()
    let sent = 0
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 1
        if (sent > 400) return controller.close()
        controller.enqueue(new Uint8Array(64 * 1024).fill(0x20))
      },
    })
    const init = {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit
    await expectError(await fetch('/v1/transactions', init), 'PAYLOAD_TOO_LARGE')
    assert.ok(sent < 400, `the node read ${sent} chunks`)
  })
}
