import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { isBaseError, sha256, toHex } from '@tabularium/core'
import { generateKeyPair, signBytes } from '@tabularium/core/node'
import { loadConfig, type RunningNode, startNode } from '@tabularium/node'
import type { Genesis } from '@tabularium/protocol'
import {
  buildTransaction,
  type Client,
  checkConsistency,
  checkInclusion,
  createClient,
  createJwkSigner,
  signTransaction,
  verifyReceiptAgainstGenesis,
} from '@tabularium/sdk'
import { pino } from 'pino'
import { createSandbox } from './lib/createSandbox.js'
import { loadPrivateKey } from './lib/loadPrivateKey.js'

// The SDK against a real node over HTTP (CONVENTIONS #15–16): every route it wraps.
describe('@tabularium/sdk against a real node', () => {
  let node: RunningNode
  let client: Client
  let genesis: Genesis
  let dir: string
  let stamp: (hash: string) => Promise<import('@tabularium/protocol').SignedTransaction>

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tabularium-sdk-'))
    const sandbox = await createSandbox({ dir })
    const config = loadConfig({ env: {}, argv: ['--data-dir', dir, '--port', '0', '--log-level', 'silent'] })
    node = await startNode({ config, logger: pino({ level: 'silent' }), print: () => {}, handleSignals: false })
    client = createClient({ baseUrl: node.url })
    genesis = node.ledger.genesis
    const { privateJwk } = await loadPrivateKey({ path: sandbox.members[0]?.key as string })
    // WebCrypto, as a browser would sign.
    const signer = createJwkSigner({ privateJwk })
    stamp = (hash) =>
      signTransaction({
        tx: buildTransaction({
          network: genesis.network,
          module: 'notary',
          action: 'stamp',
          args: { hash },
          signer: signer.did,
        }),
        sign: signer.sign,
      })
  })
  after(async () => {
    await node?.stop()
    rmSync(dir, { recursive: true, force: true })
  })

  test('submits, reads back and verifies a transaction through every read route', async () => {
    const hash = toHex(sha256('sdk conformance'))
    const committed = await client.submit({ transaction: await stamp(hash) })
    assert.equal(committed.outcome.status, 'accepted')
    const verified = verifyReceiptAgainstGenesis({ receipt: committed.receipt, genesis })
    assert.equal(verified.entry.tx.args.hash, hash)
    const view = await client.getTransaction({ txid: committed.txid })
    assert.equal(view.index, committed.index)
    const entry = await client.getEntry({ index: committed.index })
    assert.equal(entry.txid, committed.txid)
    const receipt = await client.getReceipt({ index: committed.index })
    assert.equal(verifyReceiptAgainstGenesis({ receipt, genesis }).index, committed.index)
    const page = await client.getEntries({ from: 0, limit: 1000 })
    assert.ok(page.entries.some((e) => e.txid === committed.txid))
    const found = await client.query<{ stamps?: unknown[] }>({ module: 'notary', name: 'byHash', params: { hash } })
    assert.ok(found !== null && typeof found === 'object')
    assert.equal((await client.getNetwork()).network, genesis.network)
    assert.ok((await client.getModules()).modules.some((m) => m.name === 'notary'))
    assert.match(await client.getCheckpointNote(), /^tabularium\.local\/sandbox\n\d+\n/)
  })

  test('proves an old receipt consistent with, and included in, a later checkpoint', async () => {
    const first = await client.submit({ transaction: await stamp(toHex(sha256('first'))) })
    const batch = await client.submitBatch({
      transactions: await Promise.all([1, 2, 3].map((i) => stamp(toHex(sha256(`b${i}`))))),
    })
    assert.equal(batch.status, 200)
    const old = verifyReceiptAgainstGenesis({ receipt: first.receipt, genesis })
    const latest = await client.getCheckpoint()
    const { proof } = await client.getConsistencyProof({ from: old.treeSize, to: latest.treeSize })
    checkConsistency({ from: old, to: latest, proof })
    const inclusion = await client.getInclusionProof({ index: old.index, treeSize: latest.treeSize })
    checkInclusion({
      leaf: first.receipt?.leaf as string,
      index: old.index,
      treeSize: latest.treeSize,
      rootHash: latest.rootHash,
      proof: inclusion.proof,
    })
  })

  test("raises the server's codes: replay, unknown transaction, a wholly refused batch", async () => {
    const signed = await stamp(toHex(sha256('once')))
    await client.submit({ transaction: signed })
    await assert.rejects(
      client.submit({ transaction: signed }),
      (e) => isBaseError(e, 'REPLAYED') && e.details?.status === 409,
    )
    await assert.rejects(client.getTransaction({ txid: '0'.repeat(64) }), (e) => isBaseError(e, 'NOT_FOUND'))
    const stranger = generateKeyPair()
    const tx = buildTransaction({
      network: genesis.network,
      module: 'notary',
      action: 'stamp',
      args: { hash: '0'.repeat(64) },
      signer: createJwkSigner({ privateJwk: stranger.privateJwk }).did,
    })
    const refused = await client.submitBatch({
      transactions: [
        await signTransaction({ tx, sign: (data) => signBytes({ privateJwk: stranger.privateJwk, data }) }),
      ],
    })
    assert.equal(refused.status, 403)
    assert.equal(refused.results[0]?.ok, false)
  })

  test('streams committed events', async () => {
    const controller = new AbortController()
    const events = client.events({ signal: controller.signal })
    const next = events.next()
    await new Promise((resolve) => setTimeout(resolve, 100))
    const committed = await client.submit({ transaction: await stamp(toHex(sha256('event'))) })
    const { value } = await next
    assert.equal(value?.txid, committed.txid)
    controller.abort()
    await events.return(undefined)
  })
})
