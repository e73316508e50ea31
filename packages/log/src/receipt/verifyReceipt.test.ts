import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { toBase64, utf8 } from '@tabularium/core'
import { formatCheckpoint } from '../checkpoint/checkpoint.js'
import { createEd25519Cosigner, createEd25519NoteSigner } from '../note/noteSigner.js'
import { signNote } from '../note/signNote.js'
import { flipBit } from '../testing/vectors.js'
import { createMemoryTree } from '../tree/createMemoryTree.js'
import { createReceipt, type Receipt } from './receipt.js'
import { verifyReceipt } from './verifyReceipt.js'

const seed = (n: number) => new Uint8Array(32).fill(n)
const origin = 'ledger.example/log'
const log = createEd25519NoteSigner({ name: origin, privateKey: seed(1) })
const witnesses = [1, 2, 3].map((n) =>
  createEd25519Cosigner({ name: `w${n}.example`, privateKey: seed(20 + n), now: () => 1_700_000_000 }),
)
const trust = { origin, logKeys: [log.verifierKey], witnessKeys: witnesses.map((w) => w.verifierKey), witnessQuorum: 2 }

const tree = createMemoryTree()
const leaves = Array.from({ length: 13 }, (_, i) => utf8(`{"tx":${i},"outcome":"accepted"}`))
for (const leaf of leaves) tree.append(leaf)
const text = formatCheckpoint({ origin, treeSize: 13, rootHash: tree.root() })
const checkpoint = signNote({ text, signers: [log, ...witnesses.slice(0, 2)] })
const receipt = createReceipt({
  txid: 'tx-7',
  leaf: leaves[7] as Uint8Array,
  index: 7,
  treeSize: 13,
  inclusionProof: tree.inclusionProof({ index: 7 }),
  checkpoint,
})
const withField = (change: Partial<Record<keyof Receipt, unknown>> & Record<string, unknown>) => ({
  ...receipt,
  ...change,
})
const verify =
  (r: unknown, t = trust) =>
  () =>
    verifyReceipt({ receipt: r, trust: t })

describe('verifyReceipt', () => {
  it('accepts a receipt and returns the proven leaf, position and cosigners', () => {
    const result = verifyReceipt({ receipt: JSON.parse(JSON.stringify(receipt)), trust })
    assert.deepEqual(result.leaf, leaves[7])
    assert.equal(result.index, 7)
    assert.equal(result.treeSize, 13)
    assert.deepEqual(result.checkpoint.rootHash, tree.root())
    assert.deepEqual(result.cosigners, ['w1.example', 'w2.example'])
  })

  it('reports every malformed field at once', () => {
    const bad = {
      v: 2,
      txid: '',
      leaf: 'not base64!',
      index: -1,
      treeSize: 1.5,
      inclusionProof: ['AAAA'],
      checkpoint: 7,
      extra: true,
    }
    assert.throws(verify(bad), (error: Error & { code?: string; details?: { errors: { path: string }[] } }) => {
      assert.equal(error.code, 'RECEIPT_MALFORMED')
      assert.deepEqual(
        error.details?.errors.map((e) => e.path),
        ['extra', 'v', 'txid', 'leaf', 'treeSize', 'index', 'inclusionProof[0]', 'checkpoint'],
      )
      return true
    })
    for (const value of [null, [], 'receipt', 42])
      assert.throws(verify(value), { code: 'RECEIPT_MALFORMED', message: 'a receipt must be a JSON object' })
    assert.throws(verify(withField({ index: 13 })), {
      code: 'RECEIPT_MALFORMED',
      message: 'the receipt is malformed: index must be below treeSize',
    })
    assert.throws(verify(withField({ inclusionProof: Array(65).fill(toBase64(new Uint8Array(32))) })), {
      code: 'RECEIPT_MALFORMED',
    })
  })

  it('rejects a checkpoint the log did not sign', () => {
    const forged = checkpoint.replace(`${origin}\n13\n`, `${origin}\n14\n`)
    assert.throws(verify(withField({ checkpoint: forged })), { code: 'CHECKPOINT_SIGNATURE_INVALID' })
    const impostor = createEd25519NoteSigner({ name: origin, privateKey: seed(66) })
    assert.throws(verify(withField({ checkpoint: signNote({ text, signers: [impostor, ...witnesses] }) })), {
      code: 'CHECKPOINT_SIGNATURE_MISSING',
    })
  })

  it('rejects a checkpoint without the witness quorum', () => {
    assert.throws(
      verify(withField({ checkpoint: signNote({ text, signers: [log, witnesses[2] as (typeof witnesses)[number]] }) })),
      {
        code: 'WITNESS_QUORUM_NOT_MET',
        message: '1 of the 2 required witness cosignatures',
      },
    )
  })

  it('rejects a checkpoint of another log', () => {
    assert.throws(verify(receipt, { ...trust, origin: 'other.example/log' }), { code: 'ORIGIN_MISMATCH' })
  })

  it('rejects a receipt whose tree size is not the checkpoint’s', () => {
    const proof12 = tree.inclusionProof({ index: 7, treeSize: 12 }).map(toBase64)
    assert.throws(verify(withField({ treeSize: 12, inclusionProof: proof12 })), {
      code: 'TREE_SIZE_MISMATCH',
      message: 'the receipt is for tree size 12 but its checkpoint is for 13',
    })
  })

  it('rejects another leaf, another index, or a changed proof', () => {
    assert.throws(verify(withField({ leaf: toBase64(leaves[6] as Uint8Array) })), {
      code: 'INVALID_PROOF',
      message: 'inclusion proof rejected: the proof leads to another root',
    })
    assert.throws(verify(withField({ index: 6 })), { code: 'INVALID_PROOF' })
    const proof = tree.inclusionProof({ index: 7 })
    assert.throws(verify(withField({ inclusionProof: proof.map((h, i) => toBase64(i === 1 ? flipBit(h, 77) : h)) })), {
      code: 'INVALID_PROOF',
    })
    assert.throws(verify(withField({ inclusionProof: proof.slice(1).map(toBase64) })), { code: 'INVALID_PROOF' })
  })
})
