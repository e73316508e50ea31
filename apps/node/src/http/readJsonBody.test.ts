import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { isBaseError } from '@tabularium/core'
import { assertJsonValue } from './assertJsonValue.js'
import { readJsonBody } from './readJsonBody.js'

const json = { 'content-type': 'application/json' }

function rejectsWith(promise: Promise<unknown>, code: string) {
  return assert.rejects(promise, (error) => isBaseError(error, code))
}

// A body that never ends: only a reader that stops counting can survive it.
function endless(): ReadableStream<Uint8Array> {
  const chunk = new Uint8Array(64 * 1024).fill(0x20)
  let pulled = 0
  return new ReadableStream({
    pull(controller) {
      pulled += 1
      controller.enqueue(chunk)
    },
    cancel() {
      assert.ok(pulled < 200)
    },
  })
}

describe('readJsonBody', () => {
  test('parses a JSON body', async () => {
    const request = new Request('http://x/', {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: '{"a":[1,2]}',
    })
    assert.deepEqual(await readJsonBody({ request, maxBytes: 100 }), { a: [1, 2] })
  })

  test('refuses other media types', async () => {
    for (const type of [undefined, 'text/plain', 'application/jsonx', 'multipart/form-data']) {
      const headers = type === undefined ? {} : { 'content-type': type }
      await rejectsWith(
        readJsonBody({ request: new Request('http://x/', { method: 'POST', headers, body: '{}' }), maxBytes: 100 }),
        'UNSUPPORTED_MEDIA_TYPE',
      )
    }
  })

  test('refuses a declared or streamed body over the limit without buffering it', async () => {
    const declared = new Request('http://x/', {
      method: 'POST',
      headers: { ...json, 'content-length': '101' },
      body: '{}',
    })
    await rejectsWith(readJsonBody({ request: declared, maxBytes: 100 }), 'PAYLOAD_TOO_LARGE')
    const streamed = new Request('http://x/', {
      method: 'POST',
      headers: json,
      body: endless(),
      duplex: 'half',
    } as RequestInit)
    await rejectsWith(readJsonBody({ request: streamed, maxBytes: 1024 * 1024 }), 'PAYLOAD_TOO_LARGE')
  })

  test('refuses bad UTF-8 and bad JSON', async () => {
    const bytes = new Uint8Array([0x22, 0xff, 0x22])
    await rejectsWith(
      readJsonBody({
        request: new Request('http://x/', { method: 'POST', headers: json, body: bytes }),
        maxBytes: 100,
      }),
      'INVALID_ENCODING',
    )
    for (const body of ['', '{', '{"a":1,}', 'NaN', "{'a':1}", '[1] [2]']) {
      await rejectsWith(
        readJsonBody({ request: new Request('http://x/', { method: 'POST', headers: json, body }), maxBytes: 100 }),
        'INVALID_JSON',
      )
    }
  })
})

describe('assertJsonValue', () => {
  test('accepts ordinary JSON', () => {
    assertJsonValue({ a: [1, 'b', null, true, { c: 1.5 }], 'é😀': 'ok' })
  })

  test('refuses deep nesting, lone surrogates and out-of-range numbers', () => {
    const deep = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)
    assert.throws(
      () => assertJsonValue(deep),
      (e) => isBaseError(e, 'INVALID_JSON'),
    )
    assert.throws(
      () => assertJsonValue(JSON.parse('{"a":"\\ud800"}')),
      (e) => isBaseError(e, 'INVALID_JSON'),
    )
    assert.throws(
      () => assertJsonValue(JSON.parse('{"\\udc00":1}')),
      (e) => isBaseError(e, 'INVALID_JSON'),
    )
    assert.throws(
      () => assertJsonValue(JSON.parse('[1e400]')),
      (e) => isBaseError(e, 'INVALID_JSON'),
    )
  })
})
