import assert from 'node:assert/strict'
import { Buffer } from 'node:buffer'
import { createPublicKey, verify } from 'node:crypto'
import { createRequire } from 'node:module'
import { describe, it } from 'node:test'
import { fromBase64, toBase64Url } from '@tabularium/core'
import { formatCheckpoint } from '../checkpoint/checkpoint.js'
import { createMemoryTree } from '../tree/createMemoryTree.js'
import { createEd25519Cosigner, createEd25519NoteSigner } from './noteSigner.js'
import { signNote } from './signNote.js'

const nodeKey = (publicKey: Uint8Array) =>
  createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: toBase64Url(publicKey) }, format: 'jwk' })
const tree = createMemoryTree()
for (let i = 0; i < 10; i++) tree.append(new Uint8Array([i]))
const text = formatCheckpoint({ origin: 'ledger.example/log', treeSize: 10, rootHash: tree.root() })

describe('our notes, checked by independent verifiers', () => {
  it('a cosignature verifies with node:crypto over "cosignature/v1\\ntime <t>\\n" ‖ text', () => {
    const witness = createEd25519Cosigner({
      name: 'witness.example/w1',
      privateKey: new Uint8Array(32).fill(3),
      now: () => 1_679_315_147,
    })
    const note = signNote({ text, signers: [witness] })
    const bytes = fromBase64(note.slice(note.lastIndexOf(' ') + 1, -1))
    assert.equal(bytes.length, 4 + 8 + 64)
    assert.equal(new DataView(bytes.buffer).getBigUint64(4), 1_679_315_147n)
    const message = Buffer.from(`cosignature/v1\ntime 1679315147\n${text}`)
    assert.ok(verify(null, message, nodeKey(witness.publicKey), bytes.slice(12)))
  })

  it('a log signature verifies with sigstore-js’s checkpoint verifier', () => {
    const signer = createEd25519NoteSigner({ name: 'ledger.example/log', privateKey: new Uint8Array(32).fill(5) })
    const note = signNote({ text, signers: [signer] })
    type SigstoreCheckpoint = {
      verifyCheckpoint(entry: unknown, tlogs: unknown[]): { origin: string; logSize: bigint; logHash: Buffer }
    }
    const sigstore = createRequire(import.meta.url)('@sigstore/verify/dist/tlog/checkpoint.js') as SigstoreCheckpoint
    // sigstore-js matches a signature to a log by the first 4 bytes of the log ID and by name.
    const tlog = {
      logID: Buffer.concat([Buffer.from(signer.keyId), Buffer.alloc(28)]),
      baseURL: 'https://ledger.example/log',
      publicKey: nodeKey(signer.publicKey),
    }
    const checkpoint = sigstore.verifyCheckpoint({ inclusionProof: { checkpoint: { envelope: note } } }, [tlog])
    assert.equal(checkpoint.logSize, 10n)
    assert.deepEqual(new Uint8Array(checkpoint.logHash), tree.root())
    const forged = note.replace('\n10\n', '\n11\n')
    assert.throws(() => sigstore.verifyCheckpoint({ inclusionProof: { checkpoint: { envelope: forged } } }, [tlog]))
  })
})
