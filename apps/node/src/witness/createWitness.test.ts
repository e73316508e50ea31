import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { after, before, describe, test } from 'node:test'
import { fromHex, toBase64, toBase64Url, utf8 } from '@tabularium/core'
import {
  createEd25519NoteSigner,
  createMemoryTree,
  formatAddCheckpointRequest,
  formatCheckpoint,
  type MemoryTree,
  signNote,
  verifyCheckpoint,
} from '@tabularium/log'
import { type Logger, pino } from 'pino'
import { createNodeCosigner } from './createNodeCosigner.js'
import { createWitness, type Witness, type WitnessAnswer } from './createWitness.js'
import { ownLogGuard } from './ownLogGuard.js'
import { openWitnessStore, WITNESS_FILE, type WitnessStore } from './witnessStore.js'

// transparency-dev/witness's own test data (vectors/log/tlog-witness.json): real signed checkpoints and a real proof.
const td = JSON.parse(readFileSync(new URL('../../../../vectors/log/tlog-witness.json', import.meta.url), 'utf8'))
  .transparencyDev as {
  origin: string
  monkeysKey: string
  init: string
  initByBananas: string
  next: string
  consistencyProof5to8: string[]
  otherOrigin: string
}
const tdProof = td.consistencyProof5to8.map(fromHex)

const cosigner = createNodeCosigner({
  name: 'witness.test/w1',
  seed: toBase64Url(randomBytes(32)),
  now: () => 1_750_000_000,
})
const logSigner = createEd25519NoteSigner({ name: 'example.com/log', privateKey: randomBytes(32) })
const ORIGIN = 'example.com/log'

function captureLogs(): { logger: Logger; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = []
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk))
      done()
    },
  })
  return {
    logger: pino({ level: 'info' }, stream),
    lines: () => chunks.map((line) => JSON.parse(line) as Record<string, unknown>),
  }
}

// A log we control: a memory tree of random leaves and its signed checkpoints.
function ownLog(size: number): MemoryTree {
  const tree = createMemoryTree()
  for (let i = 0; i < size; i++) tree.append(randomBytes(16))
  return tree
}

function noteOf(tree: MemoryTree, treeSize = tree.size()): string {
  const text = formatCheckpoint({ origin: ORIGIN, treeSize, rootHash: tree.root({ treeSize }) })
  return signNote({ text, signers: [logSigner] })
}

function body(oldSize: number, note: string, proof: Uint8Array[] = []): string {
  return formatAddCheckpointRequest({ oldSize, proof, note })
}

function assertCosigned(result: WitnessAnswer, note: string, policy: { origin: string; logKeys: string[] }): void {
  assert.equal(result.outcome, 'cosigned', JSON.stringify(result))
  if (result.outcome !== 'cosigned') return
  const cosigned = `${note}${result.signatures.join('')}`
  const { cosigners } = verifyCheckpoint({
    note: cosigned,
    ...policy,
    witnessKeys: [cosigner.verifierKey],
    witnessQuorum: 1,
  })
  assert.deepEqual(cosigners, ['witness.test/w1'])
}

describe('the witness (c2sp.org/tlog-witness add-checkpoint)', () => {
  let dir: string
  let store: WitnessStore
  let witness: Witness
  let logs: ReturnType<typeof captureLogs>
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tabularium-witness-'))
  })
  after(async () => {
    store?.close()
    await rm(dir, { recursive: true, force: true })
  })
  const open = (name: string, ownLog?: ReturnType<typeof ownLogGuard>) => {
    store?.close()
    store = openWitnessStore({ path: join(dir, `${name}-${WITNESS_FILE}`) })
    logs = captureLogs()
    const known = new Map([
      [td.origin, [td.monkeysKey]],
      [ORIGIN, [logSigner.verifierKey]],
    ])
    witness = createWitness({ logs: known, store, cosigner, logger: logs.logger, ownLog, now: () => 0 })
  }

  test("follows transparency-dev's log from first sight (old 0) to size 8 with its consistency proof", async () => {
    open('td')
    const policy = { origin: td.origin, logKeys: [td.monkeysKey] }
    assertCosigned(await witness.addCheckpoint(body(0, td.init)), td.init, policy)
    assert.deepEqual(await witness.addCheckpoint(body(0, td.next)), {
      outcome: 'size_mismatch',
      status: 409,
      witnessSize: 5,
    })
    assertCosigned(await witness.addCheckpoint(body(5, td.next, tdProof)), td.next, policy)
    // The same checkpoint again, from its own size: cosigned again, nothing changes.
    assertCosigned(await witness.addCheckpoint(body(8, td.next)), td.next, policy)
    assert.deepEqual(
      witness.witnessed().map((log) => [log.origin, log.treeSize, toBase64(log.rootHash)]),
      [[td.origin, 8, 'V8K9aklZ4EPB+RMOk1/8VsJUdFZR77GDtZUQq84vSbo=']],
    )
  })

  test('refuses an unknown origin (404), a key it does not trust (403) and a broken or cut proof (422)', async () => {
    open('refusals')
    assert.equal((await witness.addCheckpoint(body(0, td.otherOrigin))).status, 404)
    assert.deepEqual(await witness.addCheckpoint(body(0, td.initByBananas)), {
      outcome: 'forbidden',
      status: 403,
      reason: 'no valid signature by a key of this log',
    })
    const forged = td.init.replace('\n5\n', '\n6\n')
    assert.equal((await witness.addCheckpoint(body(0, forged))).status, 403)
    assert.equal((await witness.addCheckpoint(body(0, td.init))).status, 200)
    const flipped = tdProof.map((hash, i) => (i === 2 ? Uint8Array.from(hash, (b, j) => (j === 0 ? b ^ 1 : b)) : hash))
    for (const proof of [flipped, tdProof.slice(0, 3), [...tdProof, tdProof[0] as Uint8Array]]) {
      assert.deepEqual(await witness.addCheckpoint(body(5, td.next, proof)), {
        outcome: 'bad_proof',
        status: 422,
        reason: 'the consistency proof does not verify',
      })
    }
    assert.equal(witness.witnessed()[0]?.treeSize, 5)
    assert.deepEqual(
      logs.lines().map((line) => line.msg),
      [
        'witness: inconsistent checkpoint refused',
        'witness: inconsistent checkpoint refused',
        'witness: inconsistent checkpoint refused',
      ],
    )
  })

  test('refuses and logs a rollback and an equivocation (another root at the recorded size)', async () => {
    open('equivocation')
    const tree = ownLog(6)
    assert.equal((await witness.addCheckpoint(body(0, noteOf(tree, 4)))).status, 200)
    assert.equal((await witness.addCheckpoint(body(4, noteOf(tree), tree.consistencyProof({ from: 4 })))).status, 200)
    // Rollback: an older checkpoint of the same log, claiming either size.
    assert.deepEqual(await witness.addCheckpoint(body(4, noteOf(tree, 4))), {
      outcome: 'size_mismatch',
      status: 409,
      witnessSize: 6,
    })
    assert.equal((await witness.addCheckpoint(body(6, noteOf(tree, 4)))).status, 400)
    // Equivocation: a fork of six other leaves, validly signed by the log.
    const fork = ownLog(6)
    const answer = await witness.addCheckpoint(body(6, noteOf(fork)))
    assert.deepEqual(answer, { outcome: 'equivocation', status: 409, reason: 'another root at the recorded size' })
    // The fork grown further cannot be proven from our record either.
    fork.append(randomBytes(16))
    assert.equal((await witness.addCheckpoint(body(6, noteOf(fork), fork.consistencyProof({ from: 6 })))).status, 422)
    assert.equal(toBase64(witness.witnessed()[0]?.rootHash as Uint8Array), toBase64(tree.root()))
    const refused = logs.lines().filter((line) => line.level === 40)
    assert.deepEqual(
      refused.map((line) => line.msg),
      [
        'witness: rollback refused',
        'witness: rollback refused',
        'witness: equivocation refused',
        'witness: inconsistent checkpoint refused',
      ],
    )
    assert.equal(refused[2]?.recordedRoot, toBase64(tree.root()))
    assert.equal(refused[2]?.note, noteOf(fork, 6))
  })

  test('lets only one of two concurrent requests advance from the same old size', async () => {
    open('race')
    const tree = ownLog(9)
    assert.equal((await witness.addCheckpoint(body(0, noteOf(tree, 3)))).status, 200)
    const [a, b] = await Promise.all([
      witness.addCheckpoint(body(3, noteOf(tree, 9), tree.consistencyProof({ from: 3, to: 9 }))),
      witness.addCheckpoint(body(3, noteOf(tree, 5), tree.consistencyProof({ from: 3, to: 5 }))),
    ])
    assert.equal(a.outcome, 'cosigned')
    assert.deepEqual(b, { outcome: 'size_mismatch', status: 409, witnessSize: 9 })
    assert.equal(witness.witnessed()[0]?.treeSize, 9)
    assert.deepEqual(witness.counts(), {
      cosigned: 2,
      size_mismatch: 1,
      malformed: 0,
      unknown_log: 0,
      forbidden: 0,
      equivocation: 0,
      bad_proof: 0,
      diverged: 0,
      unavailable: 0,
    })
  })

  test('keeps its record across a restart, and the store refuses a stale compare-and-set', async () => {
    open('restart')
    const tree = ownLog(7)
    assert.equal((await witness.addCheckpoint(body(0, noteOf(tree)))).status, 200)
    open('restart')
    assert.deepEqual(await witness.addCheckpoint(body(0, noteOf(tree))), {
      outcome: 'size_mismatch',
      status: 409,
      witnessSize: 7,
    })
    const recorded = store.latest(ORIGIN)
    assert.ok(recorded !== undefined)
    const stale = { ...recorded, treeSize: 6 }
    assert.equal(store.advance({ from: stale, next: { ...recorded, treeSize: 8 } }), false)
    assert.equal(store.advance({ from: undefined, next: { ...recorded, treeSize: 8 } }), false)
    assert.equal(store.latest(ORIGIN)?.treeSize, 7)
  })

  test("for its own network, cosigns only what this node's own log holds, and only while it is healthy", async () => {
    const leaves = Array.from({ length: 7 }, () => randomBytes(16))
    const tree = createMemoryTree()
    for (const leaf of leaves) tree.append(leaf)
    let health = { status: 'ok' }
    // This node has executed 5 of the 7 entries.
    const ledger = {
      genesis: { origin: ORIGIN },
      checkpoint: () => ({ treeSize: 5, rootHash: tree.root({ treeSize: 5 }) }),
      consistencyProof: (from: number, to?: number) => tree.consistencyProof({ from, to: to ?? 5 }),
      health: () => health,
    } as unknown as Parameters<typeof ownLogGuard>[0]
    open('own', ownLogGuard(ledger))
    assert.equal((await witness.addCheckpoint(body(0, noteOf(tree, 3)))).status, 200)
    assert.deepEqual(await witness.addCheckpoint(body(3, noteOf(tree, 7), tree.consistencyProof({ from: 3, to: 7 }))), {
      outcome: 'unavailable',
      status: 503,
      reason: 'this node has not executed the log that far yet',
    })
    // Another log signer's fork after entry 3: consistent with what the witness saw, not with what this node executed.
    const fork = createMemoryTree()
    for (const leaf of [...leaves.slice(0, 3), randomBytes(16)]) fork.append(leaf)
    assert.deepEqual(await witness.addCheckpoint(body(3, noteOf(fork), fork.consistencyProof({ from: 3 }))), {
      outcome: 'diverged',
      status: 409,
      reason: "another root than this node's own log",
    })
    assert.equal(logs.lines().find((line) => line.level === 50)?.msg, 'witness: own log diverges')
    health = { status: 'stopped' }
    assert.equal(
      (await witness.addCheckpoint(body(3, noteOf(tree, 5), tree.consistencyProof({ from: 3, to: 5 })))).status,
      503,
    )
    health = { status: 'ok' }
    assert.equal(
      (await witness.addCheckpoint(body(3, noteOf(tree, 5), tree.consistencyProof({ from: 3, to: 5 })))).status,
      200,
    )
    assert.equal(witness.witnessed()[0]?.treeSize, 5)
  })

  test('signs tlog-cosignature/v1 over the checkpoint text with its timestamp', () => {
    const text = formatCheckpoint({ origin: ORIGIN, treeSize: 1, rootHash: new Uint8Array(32) })
    const signature = cosigner.sign(utf8(text))
    assert.equal(signature.length, 72)
    assert.equal(new DataView(signature.buffer, signature.byteOffset).getBigUint64(0), 1_750_000_000n)
  })
})
