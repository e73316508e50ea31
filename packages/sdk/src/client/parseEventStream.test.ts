import assert from 'node:assert/strict'
import { test } from 'node:test'
import { parseEventStream } from './parseEventStream.js'

function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk))
      controller.close()
    },
  })
}

test('parses events split across arbitrary chunk boundaries', async () => {
  const text = 'id: 7\nevent: committed\ndata: {"a":\ndata: 1}\n\n: ping\n\ndata: plain\n\n'
  for (let cut = 1; cut < text.length; cut++) {
    const events = []
    for await (const event of parseEventStream(streamOf([text.slice(0, cut), text.slice(cut)]))) events.push(event)
    assert.deepEqual(events, [
      { event: 'committed', data: '{"a":\n1}', id: '7' },
      { event: 'message', data: 'plain' },
    ])
  }
})

test('decodes UTF-8 split in the middle of a character', async () => {
  const bytes = new TextEncoder().encode('data: é€\n\n')
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const byte of bytes) controller.enqueue(new Uint8Array([byte]))
      controller.close()
    },
  })
  const events = []
  for await (const event of parseEventStream(stream)) events.push(event.data)
  assert.deepEqual(events, ['é€'])
})
