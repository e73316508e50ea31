import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { after, before, describe, it } from 'node:test'
import { formatCheckpoint } from '../checkpoint/checkpoint.js'
import { verifyCheckpoint } from '../checkpoint/verifyCheckpoint.js'
import { createEd25519Cosigner, createEd25519NoteSigner } from '../note/noteSigner.js'
import { addNoteSignatures, createSignatureLine, signNote } from '../note/signNote.js'
import { addCheckpoint } from './addCheckpoint.js'
import { parseAddCheckpointRequest } from './addCheckpointRequest.js'

const log = createEd25519NoteSigner({ name: 'example.com/log', privateKey: randomBytes(32) })
const witness = createEd25519Cosigner({
  name: 'witness.example/w1',
  privateKey: randomBytes(32),
  now: () => 1700000000,
})
const text = formatCheckpoint({ origin: 'example.com/log', treeSize: 3, rootHash: new Uint8Array(32).fill(7) })
const note = signNote({ text, signers: [log] })

type Handler = (body: string, request: IncomingMessage, response: ServerResponse) => void

describe('addCheckpoint (a real HTTP witness on 127.0.0.1)', () => {
  let server: Server
  let url: string
  let handle: Handler = () => undefined
  before(async () => {
    server = createServer((request, response) => {
      let body = ''
      request.setEncoding('utf8')
      request.on('data', (chunk: string) => (body += chunk))
      request.on('end', () => handle(body, request, response))
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  after(() => new Promise<void>((resolve) => server.close(() => resolve())))

  it('posts the body to <prefix>/add-checkpoint and returns cosignatures that verify', async () => {
    let seen: { path?: string | undefined; method?: string | undefined; body?: string } = {}
    handle = (body, request, response) => {
      seen = { path: request.url, method: request.method, body }
      const { note: submitted } = parseAddCheckpointRequest(body)
      const line = createSignatureLine({ text: submitted.slice(0, submitted.lastIndexOf('\n\n') + 1), signer: witness })
      response.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' }).end(line)
    }
    const answer = await addCheckpoint({ url: `${url}/w/`, oldSize: 0, proof: [], note })
    assert.deepEqual(seen, { path: '/w/add-checkpoint', method: 'POST', body: `old 0\n\n${note}` })
    assert.equal(answer.status, 'cosigned')
    const cosigned = addNoteSignatures(note, answer.status === 'cosigned' ? answer.signatures : [])
    const policy = { origin: 'example.com/log', logKeys: [log.verifierKey], witnessKeys: [witness.verifierKey] }
    assert.deepEqual(verifyCheckpoint({ ...policy, note: cosigned, witnessQuorum: 1 }).cosigners, [
      'witness.example/w1',
    ])
  })

  it("returns the witness's size from a 409 text/x.tlog.size answer", async () => {
    handle = (_body, _request, response) => response.writeHead(409, { 'Content-Type': 'text/x.tlog.size' }).end('2\n')
    assert.deepEqual(await addCheckpoint({ url, oldSize: 0, proof: [], note }), {
      status: 'size-mismatch',
      witnessSize: 2,
    })
  })

  it('throws WITNESS_REFUSED with the status and reason for any other answer', async () => {
    for (const [status, type] of [
      [409, 'text/plain'],
      [403, 'text/plain'],
      [422, 'text/plain'],
      [500, 'application/json'],
    ] as const) {
      handle = (_body, _request, response) => response.writeHead(status, { 'Content-Type': type }).end('no.\n')
      await assert.rejects(addCheckpoint({ url, oldSize: 0, proof: [], note }), {
        code: 'WITNESS_REFUSED',
        message: `the witness answered ${status}`,
        details: { status, reason: 'no.' },
      })
    }
  })

  it('throws WITNESS_RESPONSE_INVALID for a malformed or oversized answer', async () => {
    for (const body of ['fine\n', 'x'.repeat(70_000)]) {
      handle = (_body, _request, response) => response.writeHead(200).end(body)
      await assert.rejects(addCheckpoint({ url, oldSize: 0, proof: [], note }), { code: 'WITNESS_RESPONSE_INVALID' })
    }
    handle = (_body, _request, response) => response.writeHead(409, { 'Content-Type': 'text/x.tlog.size' }).end('x\n')
    await assert.rejects(addCheckpoint({ url, oldSize: 0, proof: [], note }), { code: 'WITNESS_RESPONSE_INVALID' })
  })

  it('throws WITNESS_UNREACHABLE when nothing answers, and refuses to send a malformed request', async () => {
    await assert.rejects(addCheckpoint({ url: 'http://127.0.0.1:1', oldSize: 0, proof: [], note }), {
      code: 'WITNESS_UNREACHABLE',
      message: 'no answer from the witness at http://127.0.0.1:1/add-checkpoint',
    })
    await assert.rejects(addCheckpoint({ url, oldSize: 0, proof: [new Uint8Array(32)], note }), {
      code: 'INVALID_WITNESS_REQUEST',
    })
  })
})
