import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { fromBase64, toBase64 } from '@tabularium/core'
import { parseCheckpoint } from '../checkpoint/checkpoint.js'
import { verifyCheckpoint } from '../checkpoint/verifyCheckpoint.js'
import { parseNote } from '../note/parseNote.js'
import { verifyConsistency } from '../proof/verifyConsistency.js'
import { hexes, loadVector } from '../testing/vectors.js'
import { formatAddCheckpointRequest, parseAddCheckpointRequest } from './addCheckpointRequest.js'
import { formatTlogSize, parseCosignatureLines, parseTlogSize } from './witnessResponse.js'

type WitnessVectors = {
  spec: {
    request: string
    expected: {
      oldSize: number
      proofLines: number
      origin: string
      treeSize: number
      rootHash: string
      signatureLines: number
    }
    response: string
    responseNames: string[]
  }
  transparencyDev: {
    origin: string
    monkeysKey: string
    init: string
    next: string
    consistencyProof5to8: string[]
  }
}
const vectors = loadVector<WitnessVectors>('tlog-witness.json')
const note = 'example.com/log\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n\n— example.com/log AAAAAAE=\n'
const hash = fromBase64('PlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw=')

describe('add-checkpoint request bodies (c2sp.org/tlog-witness)', () => {
  it("parses the specification's example request and formats it back byte for byte", () => {
    const { request, expected } = vectors.spec
    const parsed = parseAddCheckpointRequest(request)
    assert.equal(parsed.oldSize, expected.oldSize)
    assert.equal(parsed.proof.length, expected.proofLines)
    const { text, signatures } = parseNote(parsed.note)
    const checkpoint = parseCheckpoint(text)
    assert.equal(checkpoint.origin, expected.origin)
    assert.equal(checkpoint.treeSize, expected.treeSize)
    assert.equal(toBase64(checkpoint.rootHash), expected.rootHash)
    assert.equal(signatures.length, expected.signatureLines)
    assert.equal(formatAddCheckpointRequest(parsed), request)
  })

  it("parses the specification's example answer into its three signature lines", () => {
    const lines = parseCosignatureLines(vectors.spec.response)
    assert.deepEqual(
      lines.map((line) => parseNote(`x\n\n${line}`).signatures[0]?.name),
      vectors.spec.responseNames,
    )
    assert.equal(lines.join(''), vectors.spec.response)
  })

  it("carries transparency-dev's real checkpoints and proof, which verify", () => {
    const v = vectors.transparencyDev
    const proof = hexes(v.consistencyProof5to8)
    const body = formatAddCheckpointRequest({ oldSize: 5, proof, note: v.next })
    const parsed = parseAddCheckpointRequest(body)
    const policy = { origin: v.origin, logKeys: [v.monkeysKey] }
    const from = verifyCheckpoint({ ...policy, note: v.init }).checkpoint
    const to = verifyCheckpoint({ ...policy, note: parsed.note }).checkpoint
    assert.equal(parsed.oldSize, from.treeSize)
    verifyConsistency({ from: 5, to: to.treeSize, proof: parsed.proof, fromRoot: from.rootHash, toRoot: to.rootHash })
  })

  it('accepts old 0 with no proof, the first request for a log', () => {
    assert.deepEqual(parseAddCheckpointRequest(`old 0\n\n${note}`), { oldSize: 0, proof: [], note })
  })

  const malformed: [string, string, string][] = [
    ['no empty line after the proof', `old 1\n${note}`, 'each proof line must be the base64 of one 32-byte hash'],
    ['nothing at all', '', 'no empty line ends the old size and proof lines'],
    ['a leading zero', `old 01\n\n${note}`, 'the old size must be a decimal without leading zeros'],
    ['a sign', `old -1\n\n${note}`, 'the old size must be a decimal without leading zeros'],
    ['two spaces', `old  1\n\n${note}`, 'the old size must be a decimal without leading zeros'],
    ['upper case', `OLD 1\n\n${note}`, 'the first line must be "old <size>"'],
    ['CRLF', `old 1\r\n\r\n${note}`, 'the old size must be a decimal without leading zeros'],
    ['2^53', `old 9007199254740992\n\n${note}`, 'the old size must be a decimal without leading zeros'],
    ['17 digits', `old 10000000000000000\n\n${note}`, 'the old size must be a decimal without leading zeros'],
    ['bad base64', `old 1\n${'*'.repeat(44)}\n\n${note}`, 'each proof line must be the base64 of one 32-byte hash'],
    [
      '31 bytes',
      `old 1\n${toBase64(hash.slice(1))}\n\n${note}`,
      'each proof line must be the base64 of one 32-byte hash',
    ],
    [
      'non-canonical',
      `old 1\nPlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkax=\n\n${note}`,
      'each proof line must be the base64 of one 32-byte hash',
    ],
    ['64 lines', `old 1\n${`${toBase64(hash)}\n`.repeat(64)}\n${note}`, 'at most 63 proof lines'],
    ['a proof from 0', `old 0\n${toBase64(hash)}\n\n${note}`, 'the proof must be empty when old is 0'],
    ['no checkpoint', 'old 1\n\n', 'the checkpoint is missing'],
    ['a cut checkpoint', `old 0\n\n${note.slice(0, -3)}`, 'the checkpoint is not a signed note'],
    ['an unsigned checkpoint', 'old 0\n\nexample.com/log\n1\n', 'the checkpoint is not a signed note'],
  ]
  for (const [name, body, reason] of malformed) {
    it(`refuses a body with ${name}`, () => {
      assert.throws(() => parseAddCheckpointRequest(body), {
        code: 'INVALID_WITNESS_REQUEST',
        message: `malformed add-checkpoint request: ${reason}`,
      })
    })
  }
})

describe('witness answers', () => {
  it('reads and writes the size of a 409 answer strictly', () => {
    assert.equal(parseTlogSize('8\n'), 8)
    assert.equal(parseTlogSize(formatTlogSize(0)), 0)
    for (const body of ['08\n', '8', '8\n\n', '\n', '', ' 8\n', '9007199254740992\n']) {
      assert.throws(() => parseTlogSize(body), {
        code: 'WITNESS_RESPONSE_INVALID',
        message: 'unexpected witness answer: a 409 answer must hold a tree size in decimal and a newline',
      })
    }
  })

  it('refuses a 200 answer that is not signature lines', () => {
    const line = vectors.spec.response.split('\n')[0] as string
    for (const body of ['', line, `${line}\n\n`, 'ok\n', `${line}\nnot a line\n`]) {
      assert.throws(() => parseCosignatureLines(body), { code: 'WITNESS_RESPONSE_INVALID' }, JSON.stringify(body))
    }
  })
})
