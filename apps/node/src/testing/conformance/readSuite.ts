import assert from 'node:assert/strict'
import { test } from 'node:test'
import { fromBase64, toBase64 } from '@tabularium/core'
import type { SubmitResult } from '@tabularium/ledger'
import type { Receipt } from '@tabularium/log'
import { checkInclusion, checkReceipt } from '../checkReceipt.js'
import { randomHash } from '../createTestNetwork.js'
import type { TestNode } from '../createTestNode.js'
import { leafHash } from '../merkle.js'
import { expectError, submit } from '../requests.js'

async function commit(node: TestNode, args?: Record<string, unknown>): Promise<SubmitResult & { ok: true }> {
  const response = await submit(node.fetch, node.net.sign(args === undefined ? {} : { args }))
  const [result] = ((await response.json()) as { results: SubmitResult[] }).results
  assert.ok(result?.ok)
  return result
}

const json = async <T>(response: Response, status = 200): Promise<T> => {
  assert.equal(response.status, status)
  return (await response.json()) as T
}

/** The read API: transactions, entries, receipts, checkpoint, proofs, modules, network. */
export function readSuite(node: () => TestNode): void {
  test('reads a transaction by id with a receipt that verifies', async () => {
    const committed = await commit(node())
    const record = await json<{ index: number; txid: string; entry: { txid: string }; receipt: Receipt }>(
      await node().fetch(`/v1/transactions/${committed.txid}`),
    )
    assert.equal(record.index, committed.index)
    assert.equal(record.entry.txid, committed.txid)
    checkReceipt({ receipt: record.receipt, net: node().net })
    await expectError(await node().fetch(`/v1/transactions/${'0'.repeat(64)}`), 'NOT_FOUND')
    await expectError(await node().fetch('/v1/transactions/XYZ'), 'INVALID_REQUEST')
  })

  test('pages entries and reads one entry with its leaf', async () => {
    const committed = await commit(node())
    const page = await json<{ entries: { index: number; txid: string }[]; treeSize: number }>(
      await node().fetch('/v1/entries?from=0&limit=2'),
    )
    assert.ok(page.entries.length <= 2 && page.treeSize > committed.index)
    assert.deepEqual(
      page.entries.map((e) => e.index),
      page.entries.map((_, i) => i),
    )
    const beyond = await json<{ entries: unknown[] }>(await node().fetch(`/v1/entries?from=${page.treeSize + 5}`))
    assert.deepEqual(beyond.entries, [])
    const one = await json<{ index: number; txid: string; leaf: string; entry: unknown }>(
      await node().fetch(`/v1/entries/${committed.index}`),
    )
    assert.equal(one.txid, committed.txid)
    assert.deepEqual(JSON.parse(new TextDecoder().decode(fromBase64(one.leaf))), one.entry)
    const bad = await expectError(await node().fetch('/v1/entries?from=-1&limit=5000'), 'INVALID_REQUEST')
    assert.deepEqual(((bad.details?.issues ?? []) as { path: string }[]).map((i) => i.path).sort(), ['from', 'limit'])
    for (const path of ['/v1/entries/99999999', '/v1/entries/1e3', '/v1/entries/01']) {
      const response = await node().fetch(path)
      assert.ok([400, 404].includes(response.status))
    }
  })

  test('answers a receipt for any index against the latest checkpoint', async () => {
    const committed = await commit(node())
    await commit(node())
    const receipt = await json<Receipt>(await node().fetch(`/v1/receipts/${committed.index}`))
    assert.equal(receipt.index, committed.index)
    assert.ok(receipt.treeSize > committed.index + 1)
    checkReceipt({ receipt, net: node().net })
    await expectError(await node().fetch('/v1/receipts/12345678'), 'NOT_FOUND')
  })

  test('serves the checkpoint as JSON, and as the signed note for text/plain', async () => {
    await commit(node())
    const checkpoint = await json<{
      treeSize: number
      rootHash: string
      stateDigest: string
      note: string
      time: string
    }>(await node().fetch('/v1/checkpoint'))
    const lines = checkpoint.note.split('\n')
    assert.equal(lines[0], node().net.genesis.origin)
    assert.equal(Number(lines[1]), checkpoint.treeSize)
    assert.equal(lines[2], checkpoint.rootHash)
    assert.match(checkpoint.stateDigest, /^[0-9a-f]{64}$/)
    const text = await node().fetch('/v1/checkpoint', { headers: { accept: 'text/plain' } })
    assert.match(text.headers.get('content-type') ?? '', /^text\/plain/)
    assert.equal(await text.text(), checkpoint.note)
  })

  test('serves inclusion and consistency proofs that verify', async () => {
    const first = await commit(node())
    await commit(node())
    const { treeSize, rootHash } = await json<{ treeSize: number; rootHash: string }>(
      await node().fetch('/v1/checkpoint'),
    )
    const entry = await json<{ leaf: string }>(await node().fetch(`/v1/entries/${first.index}`))
    const inclusion = await json<{ index: number; treeSize: number; proof: string[] }>(
      await node().fetch(`/v1/proofs/inclusion?index=${first.index}`),
    )
    assert.equal(inclusion.treeSize, treeSize)
    checkInclusion({
      leafHash: leafHash(fromBase64(entry.leaf)),
      index: first.index,
      treeSize,
      proof: inclusion.proof,
      root: rootHash,
    })
    const consistency = await json<{ from: number; to: number; proof: string[] }>(
      await node().fetch(`/v1/proofs/consistency?from=${first.index + 1}&to=${treeSize}`),
    )
    assert.equal(consistency.to, treeSize)
    assert.ok(consistency.proof.every((h) => fromBase64(h).length === 32))
    await expectError(await node().fetch(`/v1/proofs/inclusion?index=${treeSize}`), 'INVALID_TREE_SIZE')
    await expectError(await node().fetch(`/v1/proofs/inclusion?index=0&treeSize=${treeSize + 1}`), 'INVALID_TREE_SIZE')
    await expectError(await node().fetch('/v1/proofs/inclusion'), 'INVALID_REQUEST')
    await expectError(await node().fetch('/v1/proofs/consistency?from=0'), 'INVALID_TREE_SIZE')
    await expectError(await node().fetch(`/v1/proofs/consistency?from=2&to=1`), 'INVALID_TREE_SIZE')
    await expectError(await node().fetch('/v1/proofs/consistency?from=x'), 'INVALID_REQUEST')
    assert.equal(toBase64(fromBase64(rootHash)), rootHash)
  })

  test('lists modules with actions, access and JSON Schemas, and runs queries', async () => {
    const { modules } = await json<{
      modules: {
        name: string
        actions: { name: string; access: unknown; args: { type?: string } }[]
        queries: { name: string }[]
      }[]
    }>(await node().fetch('/v1/modules'))
    // startNode installs more modules (ballots, …) than the in-process test node; both serve these two.
    const names = modules.map((m) => m.name)
    assert.ok(
      ['governance', 'notary'].every((n) => names.includes(n)),
      names.join(', '),
    )
    const notary = modules.find((m) => m.name === 'notary')
    const stamp = notary?.actions.find((a) => a.name === 'stamp')
    assert.deepEqual(stamp?.access, { roles: ['notary:stamper'] })
    assert.equal(stamp?.args.type, 'object')
    assert.ok(notary?.queries.some((q) => q.name === 'byHash'))
    const hash = randomHash()
    await commit(node(), { hash })
    const found = await json<{ hash: string; stamps: unknown[] }>(
      await node().fetch(`/v1/modules/notary/queries/byHash?hash=${hash}`),
    )
    assert.equal(found.stamps.length, 1)
    const listed = await json<{ items?: unknown[] }>(await node().fetch('/v1/modules/notary/queries/list?limit=2'))
    assert.ok(listed !== null && typeof listed === 'object')
    await expectError(await node().fetch('/v1/modules/notary/queries/byHash?hash=zz'), 'INVALID_REQUEST')
    await expectError(await node().fetch('/v1/modules/notary/queries/list?limit=0'), 'INVALID_REQUEST')
    await expectError(await node().fetch(`/v1/modules/notary/queries/byHash?hash=${hash}&extra=1`), 'INVALID_REQUEST')
    await expectError(await node().fetch('/v1/modules/lottery/queries/draw'), 'UNKNOWN_MODULE')
    await expectError(await node().fetch('/v1/modules/notary/queries/constructor'), 'UNKNOWN_QUERY')
    await expectError(await node().fetch('/v1/modules/notary/queries/__proto__'), 'UNKNOWN_QUERY')
  })

  test('summarises the network from its genesis, and serves the UI theme', async () => {
    const { genesis } = node().net
    const summary = await json<{
      network: string
      origin: string
      members: { id: string }[]
      logKeys: string[]
      witnessKeys: string[]
      witnessQuorum: number
    }>(await node().fetch('/v1/network'))
    assert.equal(summary.network, genesis.network)
    assert.equal(summary.origin, genesis.origin)
    assert.deepEqual(
      summary.logKeys,
      genesis.members.map((m) => m.logKey),
    )
    assert.deepEqual(
      summary.witnessKeys,
      genesis.members.map((m) => m.witnessKey),
    )
    assert.equal(summary.witnessQuorum, genesis.witnessQuorum)
    const ui = await json<{ network: string; theme: { name: string; colors: { primary: string } } }>(
      await node().fetch('/v1/config/ui'),
    )
    assert.equal(ui.network, genesis.network)
    assert.equal(ui.theme.name, 'Tabularium')
    assert.match(ui.theme.colors.primary, /^#[0-9a-f]{6}$/)
  })
}
