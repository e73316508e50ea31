import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { TestNode } from '../createTestNode.js'
import { submit } from '../requests.js'

// Reads the stream until `done` says so, or fails after `ms`.
async function readUntil(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  done: (text: string) => boolean,
  ms = 5000,
): Promise<string> {
  const decoder = new TextDecoder()
  let text = ''
  const deadline = Date.now() + ms
  while (!done(text)) {
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`timed out; got: ${text}`)), Math.max(1, deadline - Date.now())).unref(),
    )
    const { value, done: ended } = await Promise.race([reader.read(), timeout])
    if (ended) throw new Error(`stream ended; got: ${text}`)
    text += decoder.decode(value, { stream: true })
  }
  return text
}

async function gauge(node: TestNode): Promise<number> {
  const text = await (await node.fetch('/metrics')).text()
  return Number(/^tabularium_sse_clients (\d+)$/m.exec(text)?.[1])
}

/** GET /v1/events: committed events as SSE, heartbeats, and cleanup on disconnect. */
export function eventsSuite(node: () => TestNode): void {
  test('streams a committed event, sends heartbeats, and lets go when the client leaves', async () => {
    const response = await node().fetch('/v1/events', { headers: { accept: 'text/event-stream' } })
    assert.equal(response.status, 200)
    assert.match(response.headers.get('content-type') ?? '', /^text\/event-stream/)
    const reader = (response.body as ReadableStream<Uint8Array>).getReader()
    await readUntil(reader, (text) => text.includes(': connected'))
    assert.equal(await gauge(node()), 1)
    const tx = node().net.sign()
    assert.equal((await submit(node().fetch, tx)).status, 200)
    const text = await readUntil(reader, (t) => /event: committed\n(data: .*\n)+id: \d+\n\n/.test(t))
    const block = text.split('\n\n').find((b) => b.startsWith('event: committed'))
    assert.ok(block, text)
    const data = JSON.parse(
      block
        .split('\n')
        .find((l) => l.startsWith('data: '))
        ?.slice(6) ?? '{}',
    ) as { module: string; index: number; signer: string }
    assert.equal(data.module, 'notary')
    assert.equal(data.signer, tx.tx.signer)
    assert.match(block, new RegExp(`^id: ${data.index}$`, 'm'))
    await readUntil(reader, (t) => t.includes(': heartbeat'), 3000)
    await reader.cancel()
    const deadline = Date.now() + 3000
    while ((await gauge(node())) !== 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20))
    assert.equal(await gauge(node()), 0)
  })
}
