import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, test } from 'node:test'
import { fromBase64Url, toBase64 } from '@tabularium/core'
import {
  createEd25519NoteSigner,
  formatAddCheckpointRequest,
  formatCheckpoint,
  type NoteSigner,
  signNote,
  verifyCheckpoint,
} from '@tabularium/log'
import { pino } from 'pino'
import { loadConfig } from '../config/loadConfig.js'
import { type RunningNode, startNode } from '../startNode.js'
import { createTestNetwork, type TestNetwork } from '../testing/createTestNetwork.js'
import { submit } from '../testing/requests.js'
import type { OutsideWitnessStatus } from './createWitnessPusher.js'

type Witnesses = {
  witness: { key: string; logs: { origin: string; treeSize: number; rootHash: string }[] } | null
  witnesses: OutsideWitnessStatus[]
}

const silent = pino({ level: 'silent' })
const dirs: string[] = []

async function start(p: { net: TestNetwork; dir?: string; port?: number; witness?: unknown }) {
  const dir = p.dir ?? (await mkdtemp(join(tmpdir(), 'tabularium-witness-')))
  if (p.dir === undefined) {
    dirs.push(dir)
    await p.net.writeDataDir(dir)
  }
  const file = join(dir, 'config.json')
  await writeFile(file, JSON.stringify({ witness: p.witness ?? {} }))
  const argv = ['--data-dir', dir, '--port', String(p.port ?? 0), '--log-level', 'silent']
  const config = loadConfig({ file, env: {}, argv })
  const node = await startNode({ config, logger: silent, print: () => undefined, handleSignals: false })
  return { dir, node, port: Number(new URL(node.url).port) }
}

function addCheckpoint(node: RunningNode, body: string): Promise<Response> {
  return fetch(`${node.url}/add-checkpoint`, { method: 'POST', body })
}

async function stamp(node: RunningNode, net: TestNetwork, count = 1): Promise<void> {
  const response = await submit((path, init) => fetch(`${node.url}${path}`, init), {
    transactions: Array.from({ length: count }, () => net.sign()),
  })
  assert.equal(response.status, 200, await response.text())
}

async function witnessesOf(node: RunningNode): Promise<Witnesses> {
  return (await (await fetch(`${node.url}/v1/witnesses`)).json()) as Witnesses
}

async function waitForCosignature(node: RunningNode): Promise<OutsideWitnessStatus> {
  const deadline = Date.now() + 10_000
  for (;;) {
    const status = (await witnessesOf(node)).witnesses[0]
    if (status?.cosignedSize === node.ledger.checkpoint().treeSize) return status
    if (Date.now() > deadline) assert.fail(`no cosignature: ${JSON.stringify(status)}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

function logSignerOf(net: TestNetwork): NoteSigner {
  const keys = net.members[0]?.nodeKeys
  assert.ok(keys !== undefined)
  return createEd25519NoteSigner({ name: keys.logKeyName, privateKey: fromBase64Url(keys.logPrivateKey) })
}

describe('witnessing across two real nodes on 127.0.0.1', () => {
  after(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true })
  })

  test('A pushes its checkpoints to B, B cosigns consistently, refuses what it must, and keeps its record', async () => {
    const netA = createTestNetwork({ network: 'alpha' })
    const netB = createTestNetwork({ network: 'beta' })
    const witnessKeyB = netB.genesis.members[0]?.witnessKey as string
    const bConfig = { logs: [{ origin: netA.genesis.origin, keys: netA.trust.logKeys }] }
    let b = await start({ net: netB, witness: bConfig })
    const push = { push: [{ url: b.node.url, key: witnessKeyB }], pushIntervalMs: 100 }
    let a = await start({ net: netA, witness: push })
    try {
      // 1. The pushes: first sight, then growth with a consistency proof.
      await stamp(a.node, netA)
      const first = await waitForCosignature(a.node)
      await stamp(a.node, netA, 3)
      const second = await waitForCosignature(a.node)
      assert.ok((second.cosignedSize as number) > (first.cosignedSize as number))
      assert.equal(second.lastError, null)
      const { cosigners } = verifyCheckpoint({
        note: second.note as string,
        origin: netA.genesis.origin,
        logKeys: netA.trust.logKeys,
        witnessKeys: [witnessKeyB],
        witnessQuorum: 1,
      })
      assert.deepEqual(cosigners, [witnessKeyB.split('+')[0]])
      // The members' own quorum is unaffected: the outside cosignature is extra.
      verifyCheckpoint({ note: second.note as string, ...netA.trust })
      const recorded = (await witnessesOf(b.node)).witness?.logs.find((log) => log.origin === netA.genesis.origin)
      assert.equal(recorded?.treeSize, second.cosignedSize)
      assert.match(
        await (await fetch(`${a.node.url}/metrics`)).text(),
        /^tabularium_outside_witness_cosigned_tree_size\{witness="[^"]+"\} \d+$/m,
      )

      // 2. Without A's pusher (A restarted without it), B's record only moves by our requests.
      await a.node.stop()
      a = await start({ net: netA, dir: a.dir, witness: {} })
      await protocolChecks({ a: a.node, b: b.node, netA, netB, recordedSize: second.cosignedSize as number })

      // 3. B restarts on the same port: its record is kept; A, pushing again from scratch, learns it from a 409.
      const size = a.node.ledger.checkpoint().treeSize
      await b.node.stop()
      b = await start({ net: netB, dir: b.dir, port: b.port, witness: bConfig })
      const old0 = await addCheckpoint(
        b.node,
        formatAddCheckpointRequest({ oldSize: 0, proof: [], note: a.node.ledger.checkpoint().note }),
      )
      assert.equal(await old0.text(), `${size}\n`)
      await a.node.stop()
      a = await start({ net: netA, dir: a.dir, witness: push })
      await stamp(a.node, netA)
      const third = await waitForCosignature(a.node)
      assert.equal(third.cosignedSize, size + 1)
      assert.equal(third.failures, 0)
    } finally {
      await a.node.stop()
      await b.node.stop()
    }
  })
})

async function protocolChecks(p: {
  a: RunningNode
  b: RunningNode
  netA: TestNetwork
  netB: TestNetwork
  recordedSize: number
}) {
  const { a, b, netA, netB, recordedSize } = p
  await stamp(a, netA, 2)
  const latest = a.ledger.checkpoint()
  const proof = a.ledger.consistencyProof(recordedSize, latest.treeSize)
  const request = (oldSize: number, note: string, proofLines = proof) =>
    formatAddCheckpointRequest({ oldSize, proof: oldSize === 0 ? [] : proofLines, note })
  const expect = async (body: string, status: number, text: string | RegExp, type = 'text/plain; charset=utf-8') => {
    const response = await addCheckpoint(b, body)
    assert.equal(response.status, status, body.slice(0, 80))
    assert.equal(response.headers.get('content-type'), type)
    const answer = await response.text()
    if (typeof text === 'string') assert.equal(answer, text)
    else assert.match(answer, text)
  }
  const recorded = async () =>
    (await witnessesOf(b)).witness?.logs.find((log) => log.origin === netA.genesis.origin)?.treeSize

  await expect(request(0, latest.note), 409, `${recordedSize}\n`, 'text/x.tlog.size')
  await expect(request(recordedSize + 1, latest.note), 409, `${recordedSize}\n`, 'text/x.tlog.size')
  const flipped = proof.map((hash, i) => (i === 0 ? Uint8Array.from(hash, (x, j) => (j === 31 ? x ^ 0x80 : x)) : hash))
  await expect(request(recordedSize, latest.note, flipped), 422, 'the consistency proof does not verify\n')
  await expect(request(recordedSize, latest.note, proof.slice(1)), 422, 'the consistency proof does not verify\n')

  const stranger = createEd25519NoteSigner({ name: 'nobody.example/log', privateKey: randomBytes(32) })
  const strangerNote = signNote({
    text: formatCheckpoint({ origin: 'nobody.example/log', treeSize: 1, rootHash: new Uint8Array(32) }),
    signers: [stranger],
  })
  await expect(request(0, strangerNote), 404, 'unknown log origin\n')
  const impostor = createEd25519NoteSigner({ name: netA.genesis.origin, privateKey: randomBytes(32) })
  const text = formatCheckpoint({ origin: netA.genesis.origin, treeSize: latest.treeSize, rootHash: latest.rootHash })
  await expect(
    request(recordedSize, signNote({ text, signers: [impostor] })),
    403,
    'no valid signature by a key of this log\n',
  )
  const altered = latest.note.replace(`\n${latest.treeSize}\n`, `\n${latest.treeSize + 1}\n`)
  await expect(request(recordedSize, altered), 403, 'no valid signature by a key of this log\n')

  // Equivocation: A's own log key signs another root at the size B recorded.
  const forkText = formatCheckpoint({ origin: netA.genesis.origin, treeSize: recordedSize, rootHash: randomBytes(32) })
  const fork = signNote({ text: forkText, signers: [logSignerOf(netA)] })
  await expect(request(recordedSize, fork), 409, 'another root at the recorded size\n')

  const good = request(recordedSize, latest.note)
  const malformed = [
    good.slice(0, good.indexOf('\n\n') + 20),
    good.slice(0, -5),
    good.slice(0, 30),
    good.replace('\n', `\n${`${toBase64(new Uint8Array(32))}\n`.repeat(64)}`),
    good.replace(toBase64(proof[0] as Uint8Array), '!'.repeat(44)),
    `${good}${'x'.repeat(200_000)}`,
    'old 1\n\n',
    `\uFEFF${good}`,
    '',
  ]
  for (const body of malformed) {
    const response = await addCheckpoint(b, body)
    assert.equal(response.status, 400, body.slice(0, 60))
    assert.match(await response.text(), /\n$/)
  }
  assert.equal(await recorded(), recordedSize)
  assert.equal((await fetch(`${b.url}/add-checkpoint`)).status, 405)

  // And then the right request is cosigned.
  const response = await addCheckpoint(b, good)
  assert.equal(response.status, 200)
  const signatures = await response.text()
  verifyCheckpoint({
    note: `${latest.note}${signatures}`,
    origin: netA.genesis.origin,
    logKeys: netA.trust.logKeys,
    witnessKeys: [(await witnessesOf(b)).witness?.key as string],
    witnessQuorum: 1,
  })
  assert.equal(await recorded(), latest.treeSize)

  // B witnesses its own network too, but only what B's own log holds (nothing recorded yet: no proof needed).
  const own = b.ledger.checkpoint()
  const origin = own.note.slice(0, own.note.indexOf('\n'))
  const forged = (treeSize: number) =>
    signNote({ text: formatCheckpoint({ origin, treeSize, rootHash: randomBytes(32) }), signers: [logSignerOf(netB)] })
  await expect(request(0, forged(own.treeSize + 5)), 503, 'this node has not executed the log that far yet\n')
  await expect(request(0, forged(own.treeSize)), 409, "another root than this node's own log\n")
  await expect(request(0, own.note), 200, /^— \S+ \S+\n$/)
  const metrics = await (await fetch(`${b.url}/metrics`)).text()
  for (const [outcome, count] of [
    ['equivocation', 1],
    ['bad_proof', 2],
    ['forbidden', 2],
    ['unknown_log', 1],
  ] as const) {
    assert.match(metrics, new RegExp(`^tabularium_witness_requests_total\\{outcome="${outcome}"\\} ${count}$`, 'm'))
  }
}
