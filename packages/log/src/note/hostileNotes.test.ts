import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { fromBase64, toBase64 } from '@tabularium/core'
import { formatVerifierKey } from './noteKey.js'
import { createEd25519Cosigner, createEd25519NoteSigner } from './noteSigner.js'
import { MAX_NOTE_SIZE } from './noteText.js'
import { openNote } from './openNote.js'
import { addNoteSignatures, signNote } from './signNote.js'

const signer = createEd25519NoteSigner({ name: 'ledger.example/log', privateKey: new Uint8Array(32).fill(7) })
const text = 'ledger.example/log\n3\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n'
const note = signNote({ text, signers: [signer] })
const verifiers = [signer.verifierKey]
const sigLine = note.slice(note.indexOf('\n\n') + 2)
const open = (n: unknown) => () => openNote({ note: n as string, verifiers })

describe('hostile notes', () => {
  it('accepts the untouched note', () => {
    assert.equal(openNote({ note, verifiers }).text, text)
  })

  it('rejects a truncated note', () => {
    assert.throws(open(note.slice(0, -1)), {
      code: 'INVALID_NOTE',
      message: 'malformed note: the signatures must be non-empty lines, each ending in a newline',
    })
    assert.throws(open(note.slice(0, note.length - 10)), { code: 'INVALID_NOTE' })
    assert.throws(open(text), {
      code: 'INVALID_NOTE',
      message: 'malformed note: there is no blank line before the signatures',
    })
    assert.throws(open(''), { code: 'INVALID_NOTE' })
  })

  it('rejects extra lines after or between the signatures', () => {
    assert.throws(open(`${note}extra line\n`), {
      code: 'INVALID_NOTE',
      message: 'malformed note: a signature line must start with an em dash and a space',
    })
    assert.throws(open(`${note}\n`), { code: 'INVALID_NOTE' })
    // A blank line between signatures makes the first one part of the text, which then no longer verifies.
    assert.throws(open(`${text}\n${sigLine}\n${sigLine}`), { code: 'NOTE_SIGNATURE_INVALID' })
    assert.throws(open(`${text}\n-- ${sigLine.slice(2)}`), { code: 'INVALID_NOTE' })
  })

  it('treats a signature with the right name but another key ID as unknown', () => {
    const bytes = fromBase64(sigLine.slice(sigLine.lastIndexOf(' ') + 1, -1))
    bytes[0] = (bytes[0] as number) ^ 1
    const forged = `${text}\n\u2014 ledger.example/log ${toBase64(bytes)}\n`
    assert.throws(open(forged), { code: 'UNKNOWN_KEY' })
  })

  it('rejects an oversized note before looking inside', () => {
    const big = `${'a'.repeat(MAX_NOTE_SIZE)}\n\n${sigLine}`
    assert.throws(open(big), {
      code: 'INVALID_NOTE',
      message: `note must be a string of at most ${MAX_NOTE_SIZE} bytes`,
    })
    // Below the limit in UTF-16 units but above it in UTF-8 bytes.
    const wide = `${'é'.repeat(MAX_NOTE_SIZE / 2)}\n\n${sigLine}`
    assert.throws(open(wide), { code: 'INVALID_NOTE' })
  })

  it('rejects bad base64, short signatures and bad names', () => {
    assert.throws(open(`${text}\n\u2014 ledger.example/log not*base64\n`), {
      code: 'INVALID_NOTE',
      message: 'malformed note: a signature is not base64',
    })
    assert.throws(open(`${text}\n\u2014 ledger.example/log ${sigLine.slice(sigLine.lastIndexOf(' ') + 1, -2)}\n`), {
      code: 'INVALID_NOTE',
    })
    assert.throws(open(`${text}\n\u2014 ledger.example/log AAAAAA==\n`), {
      code: 'INVALID_NOTE',
      message: 'malformed note: a signature is shorter than a key ID and one byte',
    })
    assert.throws(open(`${text}\n\u2014 ledger.example/log\n`), { code: 'INVALID_NOTE' })
    assert.throws(open(`${text}\n\u2014 a+b ${sigLine.slice(sigLine.lastIndexOf(' ') + 1)}`), {
      code: 'INVALID_NOTE',
      message: 'malformed note: a signature line has an invalid key name',
    })
    assert.throws(open(`${text}\n\u2014 a\u00a0b ${sigLine.slice(sigLine.lastIndexOf(' ') + 1)}`), {
      code: 'INVALID_NOTE',
    })
  })

  it('rejects control characters, lone surrogates and non-strings', () => {
    assert.throws(open(note.replace('\n3\n', '\r\n3\n')), {
      code: 'INVALID_NOTE',
      message: 'note contains a control character',
    })
    assert.throws(open(note.replace('\n3\n', '\n3\t\n')), { code: 'INVALID_NOTE' })
    assert.throws(open(`\ud800${note}`), { code: 'INVALID_NOTE', message: 'note is not valid Unicode' })
    assert.throws(open(42), { code: 'INVALID_NOTE' })
    assert.throws(open(null), { code: 'INVALID_NOTE' })
  })

  it('rejects a changed text, and a signature moved to another text', () => {
    assert.throws(open(note.replace('\n3\n', '\n4\n')), { code: 'NOTE_SIGNATURE_INVALID' })
    assert.throws(open(`ledger.example/log\n4\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n\n${sigLine}`), {
      code: 'NOTE_SIGNATURE_INVALID',
    })
  })
})

describe('cosignatures (c2sp.org/tlog-cosignature)', () => {
  const witness = createEd25519Cosigner({
    name: 'witness.example/w1',
    privateKey: new Uint8Array(32).fill(9),
    now: () => 1_700_000_000,
  })

  it('verify with the timestamp, only under the type 0x04 key', () => {
    const cosigned = signNote({ text, signers: [signer, witness] })
    const opened = openNote({ note: cosigned, verifiers: [signer.verifierKey, witness.verifierKey] })
    assert.deepEqual(
      opened.verified.map((v) => [v.name, v.kind, v.timestamp]),
      [
        ['ledger.example/log', 'signature', undefined],
        ['witness.example/w1', 'cosignature', 1_700_000_000],
      ],
    )
    // The same public key as a plain Ed25519 (0x01) key has another key ID: the line is unknown.
    const asPlain = formatVerifierKey({ name: 'witness.example/w1', publicKey: witness.publicKey })
    assert.equal(openNote({ note: cosigned, verifiers: [signer.verifierKey, asPlain] }).unverified.length, 1)
  })

  it('reject a changed timestamp or a signature of the wrong length', () => {
    const line = signNote({ text, signers: [witness] }).slice(text.length + 1)
    const bytes = fromBase64(line.slice(line.lastIndexOf(' ') + 1, -1))
    bytes[11] = (bytes[11] as number) ^ 1
    const retimed = `${text}\n${line.slice(0, line.lastIndexOf(' ') + 1)}${toBase64(bytes)}\n`
    assert.throws(() => openNote({ note: retimed, verifiers: [witness.verifierKey] }), {
      code: 'NOTE_SIGNATURE_INVALID',
    })
    const short = `${text}\n${line.slice(0, line.lastIndexOf(' ') + 1)}${toBase64(bytes.slice(0, 70))}\n`
    assert.throws(() => openNote({ note: short, verifiers: [witness.verifierKey] }), { code: 'NOTE_SIGNATURE_INVALID' })
  })

  it('are added to a signed note once, in order', () => {
    const line = signNote({ text, signers: [witness] }).slice(text.length + 1)
    const added = addNoteSignatures(note, [line, line.slice(0, -1)])
    assert.equal(added, `${note}${line}`)
    assert.throws(() => addNoteSignatures(note, ['not a signature line']), { code: 'INVALID_NOTE' })
    assert.throws(() => addNoteSignatures(note, [`${line}${line}`]), { code: 'INVALID_NOTE' })
  })
})

describe('signNote', () => {
  it('refuses text without a final newline, and signers with bad names or key IDs', () => {
    assert.throws(() => signNote({ text: 'abc', signers: [signer] }), {
      code: 'INVALID_NOTE',
      message: 'note text must end with a newline',
    })
    assert.throws(() => signNote({ text, signers: [] }), { code: 'INVALID_KEY' })
    assert.throws(() => signNote({ text, signers: [{ ...signer, name: 'bad name' }] }), { code: 'INVALID_KEY' })
    assert.throws(() => signNote({ text, signers: [{ ...signer, keyId: new Uint8Array(3) }] }), { code: 'INVALID_KEY' })
    assert.throws(() => createEd25519NoteSigner({ name: 'x', privateKey: new Uint8Array(31) }), { code: 'INVALID_KEY' })
  })
})
