import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { toHex } from '@tabularium/core'
import { loadVector } from '../testing/vectors.js'
import { formatVerifierKey, parseVerifierKey } from './noteKey.js'
import { createEd25519NoteSigner } from './noteSigner.js'
import { openNote } from './openNote.js'
import { formatSignerKey, parseSignerKey } from './signerKey.js'
import { signNote } from './signNote.js'

type GoVectors = {
  go: {
    peterVkey: string
    peterSkey: string
    enochVkey: string
    badVkeys: { vkey: string; why: string }[]
    text: string
    signedByPeter: string
    peterSig: string
    enochSig: string
    malformed: { note: string; why: string }[]
  }
}
const go = loadVector<GoVectors>('signed-note.json').go
const { text, peterSig, enochSig, peterVkey, enochVkey } = go
// Go slices bytes; the em dash is 3 bytes in UTF-8 but one UTF-16 unit here.
const goCut = (s: string, byte: number) => [s.slice(0, byte - 2), s.slice(byte - 2)] as const

function everyMangling(key: string): string[] {
  const out: string[] = []
  for (let i = 0; i <= key.length; i++)
    for (let j = i + 1; j <= key.length; j++) if (i !== 0 || j !== key.length) out.push(key.slice(i, j))
  for (let i = 0; i < key.length; i++)
    out.push(key.slice(0, i) + String.fromCharCode(key.charCodeAt(i) + 1) + key.slice(i + 1))
  return out
}

describe('golang.org/x/mod/sumdb/note vectors: keys', () => {
  it('accepts the known verifier keys and re-encodes them identically', () => {
    const peter = parseVerifierKey(peterVkey)
    assert.equal(peter.name, 'PeterNeumann')
    assert.equal(toHex(peter.keyId), 'c74f20a3')
    assert.equal(formatVerifierKey({ name: peter.name, publicKey: peter.publicKey }), peterVkey)
    assert.equal(toHex(parseVerifierKey(enochVkey).keyId), 'af0cfe78')
  })

  it('rejects every substring and every one-character change of a verifier key, as Go does', () => {
    for (const mangled of [...everyMangling(peterVkey), ...go.badVkeys.map((b) => b.vkey)]) {
      assert.throws(() => parseVerifierKey(mangled), { code: 'INVALID_KEY' }, mangled)
    }
  })

  it('accepts the known signer key, whose public key is the verifier key', () => {
    const skey = parseSignerKey(go.peterSkey)
    const signer = createEd25519NoteSigner({ name: skey.name, privateKey: skey.privateKey })
    assert.equal(signer.verifierKey, peterVkey)
    assert.equal(formatSignerKey({ name: skey.name, privateKey: skey.privateKey }), go.peterSkey)
  })

  it('rejects every substring and every one-character change of a signer key, as Go does', () => {
    for (const mangled of everyMangling(go.peterSkey))
      assert.throws(() => parseSignerKey(mangled), { code: 'INVALID_KEY' }, mangled)
  })
})

describe('golang.org/x/mod/sumdb/note vectors: signing and opening', () => {
  const signer = createEd25519NoteSigner({ name: 'PeterNeumann', privateKey: parseSignerKey(go.peterSkey).privateKey })

  it('signs the text byte for byte as Go does', () => {
    assert.equal(signNote({ text, signers: [signer] }), go.signedByPeter)
  })

  it('verifies one signature and lists the other as unverified', () => {
    const opened = openNote({ note: `${text}\n${peterSig}${enochSig}`, verifiers: [peterVkey] })
    assert.equal(opened.text, text)
    assert.deepEqual(
      opened.verified.map((v) => [v.name, toHex(v.keyId), v.kind]),
      [['PeterNeumann', 'c74f20a3', 'signature']],
    )
    assert.deepEqual(
      opened.unverified.map((v) => [v.name, toHex(v.keyId)]),
      [['EnochRoot', 'af0cfe78']],
    )
    const both = openNote({ note: `${text}\n${peterSig}${enochSig}`, verifiers: [peterVkey, enochVkey] })
    assert.deepEqual(
      both.verified.map((v) => v.name),
      ['PeterNeumann', 'EnochRoot'],
    )
    assert.deepEqual(both.unverified, [])
  })

  it('rejects a note no known key signed', () => {
    assert.throws(() => openNote({ note: `${text}\n${peterSig}${enochSig}`, verifiers: [] }), {
      code: 'UNKNOWN_KEY',
      message: 'note has no signature from a known key',
    })
  })

  it('rejects a used ambiguous key but not an unused one', () => {
    assert.throws(() => openNote({ note: `${text}\n${enochSig}`, verifiers: [enochVkey, peterVkey, enochVkey] }), {
      code: 'AMBIGUOUS_KEY',
      message: 'ambiguous key EnochRoot+af0cfe78',
    })
    openNote({ note: `${text}\n${peterSig}`, verifiers: [enochVkey, peterVkey, enochVkey] })
  })

  it('rejects more than 100 signatures', () => {
    assert.throws(() => openNote({ note: `${text}\n${peterSig.repeat(101)}`, verifiers: [peterVkey] }), {
      code: 'INVALID_NOTE',
      message: 'malformed note: more than 100 signatures',
    })
  })

  it('rejects an invalid signature from a known key', () => {
    const [head, tail] = goCut(peterSig, 60)
    assert.throws(() => openNote({ note: `${text}\n${head}ABCD${tail}`, verifiers: [peterVkey] }), {
      code: 'NOTE_SIGNATURE_INVALID',
      message: 'invalid signature for key PeterNeumann+c74f20a3',
    })
  })

  it('drops repeated signatures, verified and unverified', () => {
    const [head, tail] = goCut(enochSig, 60)
    const note = `${text}\n${peterSig}${peterSig}${enochSig}${enochSig}${head}ABCD${tail}`
    const opened = openNote({ note, verifiers: [peterVkey] })
    assert.deepEqual(
      opened.verified.map((v) => v.name),
      ['PeterNeumann'],
    )
    assert.deepEqual(
      opened.unverified.map((v) => v.name),
      ['EnochRoot', 'EnochRoot'],
    )
  })

  it('rejects each malformed note of the Go test', () => {
    for (const bad of go.malformed) {
      assert.throws(() => openNote({ note: bad.note, verifiers: [peterVkey] }), { code: 'INVALID_NOTE' }, bad.why)
    }
  })
})
