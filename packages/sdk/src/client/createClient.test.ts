import assert from 'node:assert/strict'
import { test } from 'node:test'
import { isBaseError } from '@tabularium/core'
import { SdkError } from '../errors.js'
import { createClient } from './createClient.js'

type Seen = { url: string; init: RequestInit | undefined }

/** A fetch that records requests and answers with a fixed status and body. */
function scripted(status: number, body: unknown, seen: Seen[] = []) {
  const fetch = async (url: string, init?: RequestInit) => {
    seen.push({ url, init })
    const text = typeof body === 'string' ? body : JSON.stringify(body)
    return new Response(text, { status, headers: { 'content-type': 'application/json' } })
  }
  return createClient({ baseUrl: 'http://node.test/', fetch })
}

const signed = {
  tx: {
    v: 1 as const,
    network: 'n',
    module: 'm',
    action: 'a',
    args: {},
    signer: 'did:key:z',
    nonce: 'x',
    expires: '2030-01-01T00:00:00.000Z',
  },
  sig: 'A'.repeat(86),
}

test('encodes paths and query strings instead of splicing them', async () => {
  const seen: Seen[] = []
  const client = scripted(200, { ok: 1 }, seen)
  await client.query({ module: 'notary', name: 'by hash', params: { hash: 'a&b=c', tag: ['x', 'y'] } })
  await client.getEntries({ from: 5, limit: 2 })
  assert.equal(seen[0]?.url, 'http://node.test/v1/modules/notary/queries/by%20hash?hash=a%26b%3Dc&tag=x&tag=y')
  assert.equal(seen[1]?.url, 'http://node.test/v1/entries?from=5&limit=2')
})

test("raises the server's catalogued code with the HTTP status in details", async () => {
  const client = scripted(409, {
    error: { code: 'REPLAYED', message: 'nonce used', details: { status: 1, nonce: 'x' } },
  })
  await assert.rejects(client.getCheckpoint(), (error: unknown) => {
    assert.ok(error instanceof SdkError)
    assert.equal(error.code, 'REPLAYED')
    assert.equal(error.message, 'nonce used')
    assert.deepEqual(error.details, { status: 409, nonce: 'x' })
    return true
  })
})

test('reports an unknown server code as HTTP_ERROR, keeping the code in details', async () => {
  const client = scripted(418, { error: { code: 'TEAPOT', message: 'short and stout' } })
  await assert.rejects(
    client.getNetwork(),
    (e: unknown) => isBaseError(e, 'HTTP_ERROR') && e.details?.serverCode === 'TEAPOT',
  )
})

test('reports a non-JSON success as INVALID_RESPONSE and an unreachable node as NETWORK_ERROR', async () => {
  await assert.rejects(scripted(200, '<html>').getCheckpoint(), (e: unknown) => isBaseError(e, 'INVALID_RESPONSE'))
  const down = createClient({
    baseUrl: 'http://node.test',
    fetch: async () => {
      throw new TypeError('fetch failed')
    },
  })
  await assert.rejects(down.getCheckpoint(), (e: unknown) => isBaseError(e, 'NETWORK_ERROR'))
})

test('returns the results of a wholly refused batch rather than throwing', async () => {
  const results = [{ ok: false, error: { code: 'EXPIRED', message: 'too late' } }]
  const client = scripted(400, { error: results[0]?.error, results })
  const answer = await client.submitBatch({ transactions: [signed] })
  assert.deepEqual(answer, { status: 400, results })
})

test('throws the refusal of a single submission with its code', async () => {
  const results = [{ ok: false, txid: 'ab', error: { code: 'INVALID_SIGNATURE', message: 'bad' } }]
  const seen: Seen[] = []
  const client = scripted(401, { error: results[0]?.error, results }, seen)
  await assert.rejects(client.submit({ transaction: signed }), (e: unknown) => isBaseError(e, 'INVALID_SIGNATURE'))
  assert.equal(seen[0]?.url, 'http://node.test/v1/transactions?wait=true')
  assert.deepEqual(JSON.parse(String(seen[0]?.init?.body)), { transactions: [signed] })
})

test('streams committed events over a fetch body', async () => {
  const text =
    ': hi\n\nevent: committed\ndata: {"index":1,"txid":"a"}\n\nevent: other\ndata: {}\n\nevent: committed\r\ndata: {"index":2}\r\n\r\n'
  const fetch = async () => new Response(new Blob([text]).stream(), { status: 200 })
  const client = createClient({ baseUrl: 'http://node.test', fetch })
  const events = []
  for await (const event of client.events()) events.push(event.index)
  assert.deepEqual(events, [1, 2])
})
