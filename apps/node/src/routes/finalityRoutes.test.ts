import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { verifyCheckpoint, verifyReceipt } from '@tabularium/log'
import { createInProcessNode, type TestNode } from '../testing/createTestNode.js'
import { expectError } from '../testing/requests.js'

let node: TestNode
before(async () => {
  node = await createInProcessNode()
})
after(async () => {
  await node?.close()
})

test('before any block there is no final checkpoint; final receipts and checkpoints follow the first block', async () => {
  await expectError(await node.fetch('/v1/checkpoints/final'), 'NOT_FOUND')
  const status = (await (await node.fetch('/v1/network/status')).json()) as { final: unknown; health: unknown }
  assert.deepEqual([status.final, status.health], [null, { status: 'ok' }])
  const submitted = await node.fetch('/v1/transactions?wait=final', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(node.net.sign()),
  })
  const { results } = (await submitted.json()) as { results: { ok: boolean; final: boolean; receipt: unknown }[] }
  assert.equal(results[0]?.final, true)
  verifyReceipt({ receipt: results[0]?.receipt, trust: node.net.trust })
  const final = (await (await node.fetch('/v1/checkpoints/final')).json()) as { note: string; cosigners: string[] }
  verifyCheckpoint({ note: final.note, ...node.net.trust })
  const text = await (await node.fetch('/v1/checkpoints/final', { headers: { accept: 'text/plain' } })).text()
  assert.equal(text, final.note)
  const receipt = await (await node.fetch('/v1/receipts/0?final=true')).json()
  assert.equal(verifyReceipt({ receipt, trust: node.net.trust }).checkpoint.treeSize, 1)
  const history = (await (await node.fetch('/v1/checkpoints/final/history?limit=5')).json()) as {
    checkpoints: unknown[]
  }
  assert.equal(history.checkpoints.length, 1)
})

test('bad query values are refused with INVALID_REQUEST and change nothing', async () => {
  const size = node.ledger.checkpoint().treeSize
  for (const path of [
    '/v1/checkpoints/final/history?limit=0',
    '/v1/checkpoints/final/history?limit=201',
    '/v1/checkpoints/final/history?limit=-1',
    '/v1/checkpoints/final/history?limit=ten',
    '/v1/checkpoints/final/history?other=1',
    '/v1/receipts/0?final=yes',
  ]) {
    await expectError(await node.fetch(path), 'INVALID_REQUEST')
  }
  const refused = await node.fetch('/v1/transactions?wait=finally', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(node.net.sign()),
  })
  await expectError(refused, 'INVALID_REQUEST')
  assert.equal(node.ledger.checkpoint().treeSize, size)
})
