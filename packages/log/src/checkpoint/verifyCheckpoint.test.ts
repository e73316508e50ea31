import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { createEd25519Cosigner, createEd25519NoteSigner } from '../note/noteSigner.js'
import { addNoteSignatures, createSignatureLine, signNote } from '../note/signNote.js'
import { createMemoryTree } from '../tree/createMemoryTree.js'
import { formatCheckpoint } from './checkpoint.js'
import { verifyCheckpoint } from './verifyCheckpoint.js'

const seed = (n: number) => new Uint8Array(32).fill(n)
const origin = 'ledger.example/log'
const log = createEd25519NoteSigner({ name: origin, privateKey: seed(1) })
const witnesses = [1, 2, 3].map((n) =>
  createEd25519Cosigner({ name: `witness.example/w${n}`, privateKey: seed(10 + n), now: () => 1_700_000_000 + n }),
)
const tree = createMemoryTree()
for (let i = 0; i < 5; i++) tree.append(new Uint8Array([i]))
const text = formatCheckpoint({ origin, treeSize: 5, rootHash: tree.root() })
const signed = signNote({ text, signers: [log] })
const cosign = (note: string, ws = witnesses) =>
  addNoteSignatures(
    note,
    ws.map((signer) => createSignatureLine({ text, signer })),
  )
const policy = {
  origin,
  logKeys: [log.verifierKey],
  witnessKeys: witnesses.map((w) => w.verifierKey),
  witnessQuorum: 2,
}

describe('verifyCheckpoint', () => {
  it('accepts a checkpoint signed by the log and cosigned by a quorum', () => {
    const { checkpoint, cosigners } = verifyCheckpoint({ ...policy, note: cosign(signed, witnesses.slice(0, 2)) })
    assert.equal(checkpoint.treeSize, 5)
    assert.deepEqual(checkpoint.rootHash, tree.root())
    assert.deepEqual(cosigners, ['witness.example/w1', 'witness.example/w2'])
  })

  it('ignores cosignatures from unknown witnesses and counts a witness once', () => {
    const stranger = createEd25519Cosigner({ name: 'stranger.example', privateKey: seed(99) })
    const note = cosign(cosign(signed, [witnesses[0] as (typeof witnesses)[number], stranger]), [
      witnesses[0] as (typeof witnesses)[number],
    ])
    assert.throws(() => verifyCheckpoint({ ...policy, note }), {
      code: 'WITNESS_QUORUM_NOT_MET',
      message: '1 of the 2 required witness cosignatures',
    })
  })

  it('tells a missing log signature from an invalid one', () => {
    const onlyWitnesses = signNote({ text, signers: witnesses })
    assert.throws(() => verifyCheckpoint({ ...policy, note: onlyWitnesses }), {
      code: 'CHECKPOINT_SIGNATURE_MISSING',
      message: 'the checkpoint is not signed by a log key',
    })
    const other = createEd25519NoteSigner({ name: origin, privateKey: seed(2) })
    assert.throws(() => verifyCheckpoint({ ...policy, note: cosign(signNote({ text, signers: [other] })) }), {
      code: 'CHECKPOINT_SIGNATURE_MISSING',
    })
    const tampered = cosign(signed).replace(`${origin}\n5\n`, `${origin}\n6\n`)
    assert.throws(() => verifyCheckpoint({ ...policy, note: tampered }), {
      code: 'CHECKPOINT_SIGNATURE_INVALID',
      message: 'the log signature by ledger.example/log does not verify',
    })
  })

  it('rejects a bad cosignature from a trusted witness even when the quorum is met', () => {
    const bad = createEd25519Cosigner({ name: 'witness.example/w3', privateKey: seed(13), now: () => 1 })
    const line = createSignatureLine({ text: 'something else\n', signer: bad })
    assert.throws(
      () => verifyCheckpoint({ ...policy, note: addNoteSignatures(cosign(signed, witnesses.slice(0, 2)), [line]) }),
      {
        code: 'COSIGNATURE_INVALID',
        message: 'the cosignature by witness.example/w3 does not verify',
      },
    )
  })

  it('rejects another origin, even when signed by the trusted key', () => {
    const elsewhere = signNote({
      text: formatCheckpoint({ origin: 'other.example/log', treeSize: 5, rootHash: tree.root() }),
      signers: [log],
    })
    assert.throws(() => verifyCheckpoint({ ...policy, witnessQuorum: 0, note: elsewhere }), { code: 'ORIGIN_MISMATCH' })
  })

  it('rejects a signed note whose text is not a checkpoint', () => {
    assert.throws(
      () => verifyCheckpoint({ ...policy, witnessQuorum: 0, note: signNote({ text: 'hello\n', signers: [log] }) }),
      { code: 'INVALID_CHECKPOINT' },
    )
  })

  it('refuses an impossible policy and malformed keys', () => {
    const note = cosign(signed)
    assert.throws(() => verifyCheckpoint({ ...policy, note, witnessQuorum: 4 }), { code: 'INVALID_POLICY' })
    assert.throws(() => verifyCheckpoint({ ...policy, note, logKeys: [] }), { code: 'INVALID_POLICY' })
    assert.throws(() => verifyCheckpoint({ ...policy, note, logKeys: ['not a key'] }), { code: 'INVALID_KEY' })
    assert.throws(
      () => verifyCheckpoint({ ...policy, note, witnessKeys: [policy.logKeys[0] as string, ...policy.witnessKeys] }),
      { code: 'AMBIGUOUS_KEY' },
    )
  })
})
